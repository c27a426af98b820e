package fr.aiguillage.agenda.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A bookable period of one professional at one site. */
public record Slot(UUID id, UUID professionalId, UUID siteId, SlotKind kind, SlotStatus status,
                   OffsetDateTime start, OffsetDateTime end, SlotSource source, UUID ruleId) {
}
