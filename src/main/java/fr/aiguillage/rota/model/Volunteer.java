package fr.aiguillage.rota.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a professional offers for a month: their sector, how many duties (0: not a volunteer), the days or bands
 * they cannot do and those they prefer, and their absences (the agenda's, read when the month is proposed).
 */
public record Volunteer(UUID professionalId, UUID sectorId, String profession, int offered, Set<DayBand> impossible,
                        Set<DayBand> preferred, List<Absence> absences) {

  /** An absence of the agenda, as a half-open interval. */
  public record Absence(Instant from, Instant to) {
  }

  /** The "never" rules that depend on the volunteer alone: sector, profession, offered, impossible, absent. */
  public boolean mayHold(Place place) {
    return offered > 0 && sectorId.equals(place.sectorId()) && profession.equals(place.profession())
        && impossible.stream().noneMatch(d -> d.covers(place.day(), place.bandId()))
        && absences.stream().noneMatch(a -> place.overlaps(a.from(), a.to()));
  }

  public boolean prefers(Place place) {
    return preferred.stream().anyMatch(d -> d.covers(place.day(), place.bandId()));
  }
}
