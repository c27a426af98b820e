package fr.aiguillage.agenda.model;

/** What a slot is kept for. */
public enum SlotKind {
  /** Dedicated to unscheduled care (soins non programmés). */
  SNP,
  /** First visit of a patient looking for a médecin traitant. */
  MT_FIRST_VISIT,
  PUBLIC,
  /** Visible to professionals only. */
  PRO
}
