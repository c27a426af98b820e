package fr.aiguillage.waitlist.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A patient's request for a médecin traitant, with its priority (score and reasons) as of now. */
public record Request(UUID id, UUID patientId, String territoryId, Source source, String notes, UUID reportedBy,
                      WaitlistStatus status, CloseReason closeReason, int priority, List<String> reasons,
                      UUID assignedTo, OffsetDateTime createdAt, List<HistoryEntry> history) {

  /** One change of status: who, when, why. */
  public record HistoryEntry(OffsetDateTime at, UUID accountId, WaitlistStatus from, WaitlistStatus to, String reason) {
  }
}
