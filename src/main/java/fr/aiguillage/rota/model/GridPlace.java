package fr.aiguillage.rota.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One place as the grid shows it: sector, day, band, hours (Paris, with offset), who holds it (null: a gap), why,
 * whether it is given away, and how many patients are booked into it out of its capacity.
 */
public record GridPlace(UUID placeId, UUID sectorId, String sectorName, UUID bandId, String bandLabel, LocalDate day,
                        int seat, OffsetDateTime start, OffsetDateTime end, UUID professionalId,
                        Reason reason, boolean givenAway, int booked, int capacity) {
}
