/**
 * Patients seeking a médecin traitant: requests with explained priorities, their history, proposals to GPs
 * with both sides' free choice, figures. Depends on {@code patient}, {@code directory}, {@code agenda} and
 * {@code security}, each through its service.
 */
package fr.aiguillage.waitlist;
