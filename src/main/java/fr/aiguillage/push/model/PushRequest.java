package fr.aiguillage.push.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The senders' full view: the request, every recipient with their phone, and the acceptance once there is one. */
public record PushRequest(UUID id, PushStatus status, String territoryId, UUID triageId, UUID callId, UUID patientId,
                          UUID mtProfessionalId, String profession, String skill, String urgency,
                          OffsetDateTime deadline, String communeInsee, String commune, String ageBand, String sex,
                          String complaint, String note, OffsetDateTime createdAt, UUID sentBy, int currentRing,
                          OffsetDateTime nextRingAt, OffsetDateTime alertAt, OffsetDateTime endedAt, String endReason,
                          List<Recipient> recipients, Acceptance acceptance) {

  public PushRequest withCommune(String name) {
    return new PushRequest(id, status, territoryId, triageId, callId, patientId, mtProfessionalId, profession, skill,
        urgency, deadline, communeInsee, name, ageBand, sex, complaint, note, createdAt, sentBy, currentRing, nextRingAt,
        alertAt, endedAt, endReason, recipients, acceptance);
  }

  public PushRequest withRecipients(List<Recipient> asked) {
    return new PushRequest(id, status, territoryId, triageId, callId, patientId, mtProfessionalId, profession, skill,
        urgency, deadline, communeInsee, commune, ageBand, sex, complaint, note, createdAt, sentBy, currentRing,
        nextRingAt, alertAt, endedAt, endReason, List.copyOf(asked), acceptance);
  }

  /** One professional asked: when, in which ring, whether they saw it or declined (with the optional reason). */
  public record Recipient(UUID professionalId, String name, String phone, int ring, boolean onDuty,
                          OffsetDateTime askedAt, OffsetDateTime seenAt, OffsetDateTime declinedAt,
                          String declineReason) {
  }

  /** Who took the patient, in which ring, and the appointment made. */
  public record Acceptance(UUID professionalId, String name, UUID appointmentId, OffsetDateTime start, UUID siteId,
                           OffsetDateTime acceptedAt, int ring) {
  }
}
