package fr.aiguillage.agenda.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Recurring availability: on each day the RFC 5545 {@code rrule} yields (from {@code validFrom}, local
 * to Europe/Paris), slots of {@code slotMinutes} from {@code startTime} to {@code endTime}.
 */
public record AvailabilityRule(UUID id, UUID professionalId, UUID siteId, SlotKind kind, String rrule,
                               LocalTime startTime, LocalTime endTime, int slotMinutes, LocalDate validFrom,
                               LocalDate validUntil, List<LocalDate> exdates, boolean active) {
}
