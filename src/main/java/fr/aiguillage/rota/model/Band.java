package fr.aiguillage.rota.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/**
 * A duty band of a sector: recurring days and Paris hours ({@code end} not after {@code start}: it ends the next
 * day), the profession, how many professionals it needs and how many patients one of them takes in it, booked by
 * steps of {@code stepMinutes}. An ordinary band never falls on a public holiday; a band with {@code holidays}
 * falls only on public holidays (and its {@code days} are ignored), so holidays have their own bands or none.
 */
public record Band(UUID id, UUID sectorId, String label, Set<DayOfWeek> days, boolean holidays, LocalTime start,
                   LocalTime end, String profession, int needed, int capacity, int stepMinutes) {
}
