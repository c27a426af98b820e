package fr.aiguillage.triage.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored triage: the rules' result (with the rule that decided it, its explanation and the questions still
 * open) and, if an operator changed it, the override and its reason. The effective urgency and orientation are
 * the override's when there is one.
 */
public record Assessment(UUID id, UUID callId, UUID patientId, String territoryId, Urgency urgency,
                         Orientation orientation, List<RedFlag> redFlags, boolean outOfHours, String advice,
                         String rulesVersion, String decidedBy, String ruleId, String explanation,
                         List<Question> questions, Override override, OffsetDateTime createdAt) {

  /** An operator's change of the result, with the mandatory reason. */
  public record Override(Urgency urgency, Orientation orientation, String reason, UUID by, OffsetDateTime at) {
  }

  public Urgency effectiveUrgency() {
    return override != null ? override.urgency() : urgency;
  }

  public Orientation effectiveOrientation() {
    return override != null && override.orientation() != null ? override.orientation() : orientation;
  }
}
