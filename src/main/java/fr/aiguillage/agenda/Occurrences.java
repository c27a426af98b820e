package fr.aiguillage.agenda;

import fr.aiguillage.agenda.model.AvailabilityRule;
import fr.aiguillage.agenda.model.Interval;
import fr.aiguillage.failure.Invalid;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Expands an availability rule into slot periods. The RRULE (RFC 5545 §3.3.10, parsed by ical4j)
 * picks the days; each day's slots are laid out in Europe/Paris local time, so 09:00 stays 09:00 on
 * both sides of a DST change.
 */
public final class Occurrences {

  public static final ZoneId PARIS = fr.aiguillage.db.SqlTime.PARIS;
  private static final Set<Frequency> DAY_OR_LONGER = EnumSet.of(Frequency.DAILY, Frequency.WEEKLY,
      Frequency.MONTHLY, Frequency.YEARLY);

  private Occurrences() {
  }

  /** Parses an RRULE value, or a 400 on {@code rrule} with ical4j's reason. */
  public static Recur<LocalDate> parse(String rrule) {
    Recur<LocalDate> recur;
    try {
      recur = new Recur<>(rrule.trim());
    } catch (RuntimeException e) {
      throw new Invalid("rrule", "invalid RFC 5545 recurrence: " + e.getMessage());
    }
    if (!DAY_OR_LONGER.contains(recur.getFrequency())) {
      throw new Invalid("rrule", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY (the rule picks days)");
    }
    return recur;
  }

  /** The rule's slot periods that start in [from, to). */
  public static List<Interval> between(AvailabilityRule rule, Instant from, Instant to) {
    LocalDate first = max(rule.validFrom(), from.atZone(PARIS).toLocalDate());
    LocalDate last = to.atZone(PARIS).toLocalDate();
    if (rule.validUntil() != null && rule.validUntil().isBefore(last)) {
      last = rule.validUntil();
    }
    List<Interval> result = new ArrayList<>();
    if (last.isBefore(first)) {
      return result;
    }
    for (LocalDate day : parse(rule.rrule()).getDates(rule.validFrom(), first, last.plusDays(1))) {
      if (!day.isAfter(last) && !day.isBefore(first) && !rule.exdates().contains(day)) {
        addDay(result, rule, day, from, to);
      }
    }
    return result;
  }

  private static void addDay(List<Interval> result, AvailabilityRule rule, LocalDate day, Instant from, Instant to) {
    LocalTime start = rule.startTime();
    while (!start.plusMinutes(rule.slotMinutes()).isAfter(rule.endTime())
        && start.plusMinutes(rule.slotMinutes()).isAfter(start)) {
      LocalTime end = start.plusMinutes(rule.slotMinutes());
      Instant s = ZonedDateTime.of(day, start, PARIS).toInstant();
      Instant e = ZonedDateTime.of(day, end, PARIS).toInstant();
      if (!s.isBefore(from) && s.isBefore(to) && e.isAfter(s)) {
        result.add(new Interval(s, e));
      }
      start = end;
    }
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
