/**
 * The national SAS platform's view of the CPTS (ANS SAS FHIR guide, "gestionnaire d'agenda CPTS"): FHIR R4 slot
 * search, reads and CapabilityStatement on an HTTPS listener of its own with client certificates, and the
 * console address a SAS regulator books through. Reads slots and professionals through the agenda and
 * directory services (never their tables); depends on {@code security} for the audit trail.
 */
package fr.aiguillage.fhir;
