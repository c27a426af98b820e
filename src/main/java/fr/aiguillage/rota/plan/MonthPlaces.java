package fr.aiguillage.rota.plan;

import fr.aiguillage.holidays.PublicHolidays;
import fr.aiguillage.rota.model.Band;
import fr.aiguillage.rota.model.Place;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The places of a month: each band on each of its days (ordinary days, or public holidays for holiday bands), as
 * many seats as it needs. Hours are Paris wall-clock turned into instants day by day, so a band on the last Sunday
 * of October lasts its real length. A place's id is derived from band, day and seat: opening a month twice gives
 * the same places.
 */
public final class MonthPlaces {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private MonthPlaces() {
  }

  public static List<Place> of(YearMonth month, List<Band> bands) {
    Set<LocalDate> holidays = PublicHolidays.of(month.getYear()).keySet();
    List<Place> places = new ArrayList<>();
    for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
      boolean holiday = holidays.contains(day);
      for (Band band : bands) {
        if (band.holidays() ? holiday : !holiday && band.days().contains(day.getDayOfWeek())) {
          addSeats(places, band, day, holiday);
        }
      }
    }
    return places;
  }

  public static boolean special(LocalDate day, boolean holiday) {
    return holiday || day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static void addSeats(List<Place> places, Band band, LocalDate day, boolean holiday) {
    Instant start = day.atTime(band.start()).atZone(PARIS).toInstant();
    LocalDate endDay = band.end().isAfter(band.start()) ? day : day.plusDays(1);
    Instant end = endDay.atTime(band.end()).atZone(PARIS).toInstant();
    for (int seat = 0; seat < band.needed(); seat++) {
      UUID id = UUID.nameUUIDFromBytes((band.id() + "/" + day + "/" + seat).getBytes(StandardCharsets.UTF_8));
      places.add(new Place(id, band.sectorId(), band.id(), day, seat, start, end, band.profession(),
          special(day, holiday)));
    }
  }
}
