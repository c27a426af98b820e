package fr.aiguillage.rota.plan;

import fr.aiguillage.rota.model.Band;
import fr.aiguillage.rota.model.DayBand;
import fr.aiguillage.rota.model.Place;
import fr.aiguillage.rota.model.Volunteer;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Synthetic months built from a seed (each example can be replayed): small ones for brute force, real ones. */
record Generated(List<Place> places, List<Volunteer> volunteers) {

  static final String GP = "GENERAL_PRACTITIONER";
  private static final LocalTime[][] HOURS = {
      {LocalTime.of(9, 0), LocalTime.of(11, 0)}, {LocalTime.of(10, 0), LocalTime.of(12, 0)},
      {LocalTime.of(12, 0), LocalTime.of(14, 0)}, {LocalTime.of(17, 0), LocalTime.of(20, 0)}};

  /** A few places over a few days (some overlapping), a few volunteers: small enough to try every filling. */
  static Generated small(long seed, int placeCount, int volunteerCount) {
    Random random = new Random(seed);
    UUID sector = id("sector", 0);
    List<Place> places = new ArrayList<>();
    for (int i = 0; i < placeCount; i++) {
      int band = random.nextInt(HOURS.length);
      LocalDate day = LocalDate.of(2027, 3, 1 + random.nextInt(4));
      places.add(new Place(id("place", i), sector, id("band", band), day, i,
          day.atTime(HOURS[band][0]).atZone(MonthPlaces.PARIS).toInstant(),
          day.atTime(HOURS[band][1]).atZone(MonthPlaces.PARIS).toInstant(), GP, random.nextInt(3) == 0));
    }
    List<Volunteer> volunteers = new ArrayList<>();
    for (int v = 0; v < volunteerCount; v++) {
      volunteers.add(new Volunteer(id("gp", v), sector, GP, random.nextInt(4), dayBands(random, places, 2),
          dayBands(random, places, 2), List.of()));
    }
    return new Generated(places, volunteers);
  }

  /** A whole month of 1 to 3 sectors, bands on random days, 2 to 15 volunteers per sector. */
  static Generated month(long seed) {
    Random random = new Random(seed);
    YearMonth month = YearMonth.of(2026 + random.nextInt(2), 1 + random.nextInt(12));
    List<Band> bands = new ArrayList<>();
    List<Volunteer> volunteers = new ArrayList<>();
    int sectors = 1 + random.nextInt(3);
    for (int s = 0; s < sectors; s++) {
      UUID sector = id("sector", s);
      int bandCount = 1 + random.nextInt(3);
      for (int b = 0; b < bandCount; b++) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
          if (random.nextBoolean()) {
            days.add(d);
          }
        }
        LocalTime[] h = HOURS[random.nextInt(HOURS.length)];
        bands.add(new Band(id("band" + s, b), sector, "b" + b, days, random.nextInt(5) == 0, h[0], h[1], GP,
            1 + random.nextInt(2), 4, 30));
      }
    }
    List<Place> places = MonthPlaces.of(month, bands);
    for (int s = 0; s < sectors; s++) {
      int count = 2 + random.nextInt(14);
      for (int v = 0; v < count; v++) {
        volunteers.add(new Volunteer(id("gp" + s, v), id("sector", s), GP, random.nextInt(8),
            dayBands(random, places, 6), dayBands(random, places, 4),
            random.nextInt(6) == 0 ? List.of(absence(random, month)) : List.of()));
      }
    }
    return new Generated(places, volunteers);
  }

  private static Volunteer.Absence absence(Random random, YearMonth month) {
    LocalDate from = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
    return new Volunteer.Absence(from.atStartOfDay(MonthPlaces.PARIS).toInstant(),
        from.plusDays(1 + random.nextInt(5)).atStartOfDay(MonthPlaces.PARIS).toInstant());
  }

  private static Set<DayBand> dayBands(Random random, List<Place> places, int max) {
    Set<DayBand> set = new HashSet<>();
    int n = places.isEmpty() ? 0 : random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      Place p = places.get(random.nextInt(places.size()));
      set.add(new DayBand(p.day(), random.nextBoolean() ? null : p.bandId()));
    }
    return set;
  }

  static UUID id(String kind, int n) {
    return UUID.nameUUIDFromBytes((kind + n).getBytes(StandardCharsets.UTF_8));
  }
}
