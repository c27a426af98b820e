package fr.aiguillage.holidays;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * French public holidays (Code du travail, art. L3133-1) of a year, with their French names: the fixed ones and the
 * three that follow Easter (lundi de Pâques, Ascension, lundi de Pentecôte). Alsace-Moselle's two extra days are not
 * included. Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 */
public final class PublicHolidays {

  private static final Map<MonthDay, String> FIXED = Map.of(
      MonthDay.of(1, 1), "Jour de l'an", MonthDay.of(5, 1), "Fête du travail", MonthDay.of(5, 8), "Victoire 1945",
      MonthDay.of(7, 14), "Fête nationale", MonthDay.of(8, 15), "Assomption", MonthDay.of(11, 1), "Toussaint",
      MonthDay.of(11, 11), "Armistice 1918", MonthDay.of(12, 25), "Noël");

  private static final Map<Integer, Set<LocalDate>> BY_YEAR = new ConcurrentHashMap<>();

  private PublicHolidays() {
  }

  /** The holidays of {@code year}, by date. */
  public static Map<LocalDate, String> of(int year) {
    Map<LocalDate, String> days = new TreeMap<>();
    FIXED.forEach((md, name) -> days.put(md.atYear(year), name));
    LocalDate easter = easterSunday(year);
    days.put(easter.plusDays(1), "Lundi de Pâques");
    days.put(easter.plusDays(39), "Ascension");
    days.put(easter.plusDays(50), "Lundi de Pentecôte");
    return days;
  }

  /** Whether {@code day} is a public holiday (each year's days computed once: the triage asks at every call). */
  public static boolean isHoliday(LocalDate day) {
    return BY_YEAR.computeIfAbsent(day.getYear(), year -> Set.copyOf(of(year).keySet())).contains(day);
  }

  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
