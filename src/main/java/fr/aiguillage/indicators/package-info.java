/**
 * Activity indicators of a territory (calls, triage, soins non programmés, shared agenda, médecin traitant) as
 * JSON and CSV. Read-only: it owns no table and reads the other modules' tables through one reporting store
 * (docs/decisions/0009). Depends on {@code security} (caller, audit) and {@code directory} (territory ids).
 */
package fr.aiguillage.indicators;
