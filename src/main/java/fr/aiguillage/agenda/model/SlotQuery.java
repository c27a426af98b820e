package fr.aiguillage.agenda.model;

import java.time.Instant;
import java.util.UUID;

/** Filters of a professional's slot listing. */
public record SlotQuery(UUID professionalId, Instant from, Instant to, SlotStatus status, SlotKind kind) {
}
