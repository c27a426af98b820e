/**
 * French public holidays (jours fériés) with their names, Easter-based ones computed: read by the triage's
 * permanence-des-soins hours and by the duty rota's months. Depends on nothing.
 */
package fr.aiguillage.holidays;
