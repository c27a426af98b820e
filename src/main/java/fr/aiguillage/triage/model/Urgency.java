package fr.aiguillage.triage.model;

import java.time.Duration;

/** How soon the patient must be seen, most urgent first. */
public enum Urgency {
  /** Call the 15 now. */
  VITAL(null),
  SAME_DAY(Duration.ofHours(12)),
  WITHIN_24H(Duration.ofHours(24)),
  WITHIN_48H(Duration.ofHours(48)),
  /** The patient's médecin traitant or a normal appointment. */
  ROUTINE(Duration.ofDays(7)),
  ADVICE(null);

  private final Duration within;

  Urgency(Duration within) {
    this.within = within;
  }

  /** The search window this urgency calls for (none for VITAL and ADVICE). */
  public Duration within() {
    return within;
  }

  /** The more urgent of the two. */
  public Urgency atLeast(Urgency other) {
    return ordinal() <= other.ordinal() ? this : other;
  }
}
