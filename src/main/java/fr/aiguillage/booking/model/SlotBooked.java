package fr.aiguillage.booking.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Published when a slot is booked (event type {@code slot.booked}). */
public record SlotBooked(UUID slotId, UUID appointmentId, UUID professionalId, String territoryId,
                         OffsetDateTime start, Instant at) {

  public static final String TYPE = "slot.booked";
}
