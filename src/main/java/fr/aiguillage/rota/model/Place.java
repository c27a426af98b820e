package fr.aiguillage.rota.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One place of the month's rota: a seat of one band on one day in one sector. {@code special} marks a weekend or
 * public holiday place (spread fairly on its own). Start and end are instants, so a DST day keeps its real hours.
 */
public record Place(UUID id, UUID sectorId, UUID bandId, LocalDate day, int seat, Instant start, Instant end,
                    String profession, boolean special) {

  public boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && from.isBefore(end);
  }

  public boolean overlaps(Place other) {
    return overlaps(other.start, other.end);
  }
}
