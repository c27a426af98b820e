package fr.aiguillage.triage;

import fr.aiguillage.holidays.PublicHolidays;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Permanence des soins: weekdays 20:00–08:00, Saturday from 12:00, Sunday and public holidays, in
 * Europe/Paris. Outside these hours town medicine is open.
 */
public final class OutOfHours {

  public static final ZoneId PARIS = fr.aiguillage.db.SqlTime.PARIS;
  private static final LocalTime OPENS = LocalTime.of(8, 0);
  private static final LocalTime CLOSES = LocalTime.of(20, 0);
  private static final LocalTime SATURDAY_CLOSES = LocalTime.of(12, 0);

  private OutOfHours() {
  }

  public static boolean at(Instant instant) {
    ZonedDateTime t = instant.atZone(PARIS);
    if (t.getDayOfWeek() == DayOfWeek.SUNDAY || PublicHolidays.isHoliday(t.toLocalDate())) {
      return true;
    }
    LocalTime time = t.toLocalTime();
    LocalTime closes = t.getDayOfWeek() == DayOfWeek.SATURDAY ? SATURDAY_CLOSES : CLOSES;
    return time.isBefore(OPENS) || !time.isBefore(closes);
  }

  /** {@code instant} itself when open, else the next 08:00 of an open day. */
  public static Instant nextOpening(Instant instant) {
    if (!at(instant)) {
      return instant;
    }
    ZonedDateTime t = instant.atZone(PARIS);
    ZonedDateTime candidate = t.toLocalTime().isBefore(OPENS) ? t.with(OPENS) : t.toLocalDate().plusDays(1)
        .atTime(OPENS).atZone(PARIS);
    while (at(candidate.toInstant())) {
      candidate = candidate.toLocalDate().plusDays(1).atTime(OPENS).atZone(PARIS);
    }
    return candidate.toInstant();
  }
}
