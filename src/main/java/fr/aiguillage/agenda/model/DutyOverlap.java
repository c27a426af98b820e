package fr.aiguillage.agenda.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A duty of the rota the professional holds inside an absence being declared (sector, band, hours, patients). */
public record DutyOverlap(UUID placeId, String sectorName, String bandLabel, OffsetDateTime start, OffsetDateTime end,
                          String monthStatus, int booked) {
}
