package fr.aiguillage.indicators.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** How the range is cut: Paris calendar days, ISO weeks (Monday first) or months. */
public enum Granularity {
  DAY, WEEK, MONTH;

  /** The unit PostgreSQL's {@code date_trunc} knows by this name. */
  public String sqlUnit() {
    return name().toLowerCase();
  }

  /** The first day of the period holding {@code day}. */
  public LocalDate periodStart(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  public LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  /** How a period is named: 2026-11-23, 2026-W48, 2026-11. */
  public String label(LocalDate start) {
    return switch (this) {
      case DAY -> start.toString();
      case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
          start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> start.format(DateTimeFormatter.ofPattern("yyyy-MM"));
    };
  }
}
