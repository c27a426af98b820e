/**
 * The shared agenda: slots, recurring availability rules (RRULE, Europe/Paris) and absences.
 * Depends on {@code directory} (through its service) for professionals and sites, on {@code security}
 * for callers and the audit trail.
 */
package fr.aiguillage.agenda;
