package fr.aiguillage.agenda.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What {@code POST} and {@code PUT} of an availability rule ask for; times as "HH:mm". */
public record RuleRequest(UUID siteId, SlotKind kind, String rrule, String startTime, String endTime,
                          Integer slotMinutes, LocalDate validFrom, LocalDate validUntil, List<LocalDate> exdates) {
}
