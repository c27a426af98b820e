package fr.aiguillage.agenda.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What {@code POST /professionals/{id}/slots} asks for. */
public record NewSlot(UUID siteId, SlotKind kind, OffsetDateTime start, OffsetDateTime end) {
}
