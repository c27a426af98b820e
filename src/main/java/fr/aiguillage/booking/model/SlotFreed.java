package fr.aiguillage.booking.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Published when a cancelled appointment gives its slot back (event type {@code slot.freed}). */
public record SlotFreed(UUID slotId, UUID appointmentId, UUID professionalId, String territoryId,
                        OffsetDateTime start, Instant at) {

  public static final String TYPE = "slot.freed";
}
