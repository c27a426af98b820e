package fr.aiguillage.booking.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A patient booked into a slot, by whom, why, and what became of it. */
public record Appointment(UUID id, AppointmentStatus status, BookedSlot slot, UUID professionalId, UUID patientId,
                          String reason, UUID callId, UUID triageId, UUID bookedBy, String cancelReason,
                          String territoryId, int version, OffsetDateTime createdAt, String origin) {

  /** The slot as it was booked (its time and place never change once booked). */
  public record BookedSlot(UUID id, UUID siteId, String kind, OffsetDateTime start, OffsetDateTime end) {
  }
}
