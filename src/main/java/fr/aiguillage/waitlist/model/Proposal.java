package fr.aiguillage.waitlist.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A patient proposed to a GP. The GP sees only what the proposal needs: the patient's name, age, commune,
 * fragility reasons and the notes written for them.
 */
public record Proposal(UUID id, UUID requestId, UUID professionalId, String status, String gpAnswer, String gpReason,
                       String patientAnswer, String patientReason, Patient patient, OffsetDateTime createdAt) {

  /** What a GP may know of the patient. */
  public record Patient(String familyName, String givenName, int age, String communeInsee, List<String> reasons,
                        String notes) {
  }
}
