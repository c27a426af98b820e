/**
 * Push requests (issue 23): when no slot fits, ask the professionals who take requests, in rings (médecin traitant,
 * a first radius, a wider one, the territory); the first acceptance wins and becomes an appointment. Owns the push_*
 * tables; depends on triage, directory, agenda (a slot at the accepted time), booking (the appointment), notify.
 */
package fr.aiguillage.push;
