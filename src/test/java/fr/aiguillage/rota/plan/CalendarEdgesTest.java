package fr.aiguillage.rota.plan;

import fr.aiguillage.holidays.PublicHolidays;
import fr.aiguillage.rota.model.Band;
import fr.aiguillage.rota.model.Place;
import fr.aiguillage.rota.model.Proposal;
import fr.aiguillage.rota.model.Volunteer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The month's calendar: daylight saving time and public holidays (2027's Easter-based ones). */
class CalendarEdgesTest {

  private static final UUID SECTOR = Generated.id("sector", 0);
  private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  @Test
  @DisplayName("the 2027 holidays computed from Easter are Easter Monday 29 March, Ascension 6 May, Whit Monday 17 May")
  void easterBasedHolidaysOf2027() {
    assertThat(PublicHolidays.of(2027)).containsEntry(LocalDate.of(2027, 3, 29), "Lundi de Pâques")
        .containsEntry(LocalDate.of(2027, 5, 6), "Ascension").containsEntry(LocalDate.of(2027, 5, 17),
            "Lundi de Pentecôte").containsKeys(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 8),
            LocalDate.of(2027, 11, 11)).hasSize(11);
  }

  @Test
  @DisplayName("on a 2027 holiday the weekday band does not fall, the holiday band does, and the place is special")
  void holidaysOf2027HaveTheirOwnBands() {
    Band weekday = band("weekday", WEEKDAYS, false, 12, 14);
    Band holiday = band("holiday", Set.of(), true, 9, 12);
    List<Place> may = MonthPlaces.of(YearMonth.of(2027, 5), List.of(weekday, holiday));
    for (LocalDate day : List.of(LocalDate.of(2027, 5, 6), LocalDate.of(2027, 5, 17))) {
      assertThat(may.stream().filter(p -> p.day().equals(day)).toList()).singleElement()
          .satisfies(p -> assertThat(p.bandId()).isEqualTo(holiday.id()))
          .satisfies(p -> assertThat(p.special()).isTrue());
    }
    assertThat(may.stream().filter(p -> p.day().equals(LocalDate.of(2027, 5, 7))).toList()).singleElement()
        .satisfies(p -> assertThat(p.bandId()).isEqualTo(weekday.id()));
    List<Place> march = MonthPlaces.of(YearMonth.of(2027, 3), List.of(weekday));
    assertThat(march).noneMatch(p -> p.day().equals(LocalDate.of(2027, 3, 29)));
  }

  @Test
  @DisplayName("a duty week across the end of daylight saving time keeps Paris hours and the night band's real length")
  void dutyWeekAcrossTheEndOfDaylightSavingTime() {
    Band noon = band("noon", EVERY_DAY, false, 12, 14);
    Band night = band("night", EVERY_DAY, false, 20, 8);
    List<Place> october = MonthPlaces.of(YearMonth.of(2026, 10), List.of(noon, night));
    Place saturdayNight = at(october, night, LocalDate.of(2026, 10, 24));
    Place fridayNight = at(october, night, LocalDate.of(2026, 10, 23));
    assertThat(Duration.between(saturdayNight.start(), saturdayNight.end())).isEqualTo(Duration.ofHours(13));
    assertThat(Duration.between(fridayNight.start(), fridayNight.end())).isEqualTo(Duration.ofHours(12));
    assertThat(at(october, noon, LocalDate.of(2026, 10, 24)).start().toString()).isEqualTo("2026-10-24T10:00:00Z");
    assertThat(at(october, noon, LocalDate.of(2026, 10, 26)).start().toString()).isEqualTo("2026-10-26T11:00:00Z");

    List<Place> week = october.stream().filter(p -> !p.day().isBefore(LocalDate.of(2026, 10, 22))
        && !p.day().isAfter(LocalDate.of(2026, 10, 28))).toList();
    List<Volunteer> volunteers = new ArrayList<>();
    for (int v = 0; v < 4; v++) {
      volunteers.add(new Volunteer(Generated.id("gp", v), SECTOR, Generated.GP, 7, Set.of(), Set.of(), List.of()));
    }
    Proposal proposal = new RotaPlanner().propose(week, volunteers);
    assertThat(Months.brokenRules(week, volunteers, proposal)).isEmpty();
    assertThat(proposal.gaps()).isEmpty();
    assertThat(proposal.largestGap()).isLessThanOrEqualTo(1.0);
  }

  private static Place at(List<Place> places, Band band, LocalDate day) {
    return places.stream().filter(p -> p.bandId().equals(band.id()) && p.day().equals(day)).findFirst().orElseThrow();
  }

  private static Band band(String name, Set<DayOfWeek> days, boolean holidays, int from, int to) {
    return new Band(UUID.nameUUIDFromBytes(name.getBytes()), SECTOR, name, days, holidays, LocalTime.of(from, 0),
        LocalTime.of(to, 0), Generated.GP, 1, 4, 30);
  }
}
