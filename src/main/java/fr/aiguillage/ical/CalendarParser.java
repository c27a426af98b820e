package fr.aiguillage.ical;

import fr.aiguillage.agenda.model.Interval;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.failure.Invalid;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads availability from an iCalendar text with ical4j: every VEVENT whose SUMMARY or CATEGORIES holds a
 * marker ({@code SNP}, or {@code MT} for first visits) becomes slots of {@code slotMinutes}; RRULE and
 * EXDATE are expanded up to the horizon, and a RECURRENCE-ID override replaces the occurrence it names.
 */
final class CalendarParser {

  private static final ZoneId PARIS = fr.aiguillage.db.SqlTime.PARIS;
  private static final Map<String, SlotKind> MARKERS = Map.of("SNP", SlotKind.SNP, "MT", SlotKind.MT_FIRST_VISIT);

  /** The slot periods found, by kind, and how many events were ignored (no marker). */
  record Parsed(Map<SlotKind, List<Interval>> periods, int ignored) {
  }

  private CalendarParser() {
  }

  /** Bounds of one import (said in the contract): events read, occurrences of one event, slots made. */
  static final int MAX_EVENTS = 2_000;
  static final int MAX_OCCURRENCES_PER_EVENT = 1_000;
  static final int MAX_SLOTS = 10_000;

  static Parsed parse(String text, int slotMinutes, Instant from, Instant to) {
    Calendar calendar = build(text);
    List<CalendarComponent> events = calendar.getComponents(Component.VEVENT);
    if (events.size() > MAX_EVENTS) {
      throw new Invalid("body", "at most " + MAX_EVENTS + " events in one import (" + events.size() + " sent)");
    }
    TimeZones.requireKnown(calendar);
    Map<String, List<VEvent>> byUid = new LinkedHashMap<>();
    int ignored = 0;
    int slots = 0;
    for (Component c : events) {
      VEvent event = (VEvent) c;
      String uid = event.getProperty(Property.UID).map(Property::getValue).orElse("no-uid-" + byUid.size());
      byUid.computeIfAbsent(uid, k -> new ArrayList<>()).add(event);
    }
    Map<SlotKind, List<Interval>> periods = new EnumMap<>(SlotKind.class);
    for (List<VEvent> series : byUid.values()) {
      VEvent master = series.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst()
          .orElse(series.get(0));
      SlotKind kind = kind(master);
      if (kind == null) {
        ignored += series.size();
        continue;
      }
      for (Interval occurrence : occurrences(master, series, from, to)) {
        List<Interval> made = split(occurrence, slotMinutes, from, to);
        slots += made.size();
        if (slots > MAX_SLOTS) {
          throw new Invalid("body", "at most " + MAX_SLOTS + " slots from one import");
        }
        periods.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(made);
      }
    }
    return new Parsed(periods, ignored);
  }

  private static Calendar build(String text) {
    try {
      return new CalendarBuilder().build(new StringReader(text));
    } catch (ParserException e) {
      throw new Invalid("body", "iCalendar line " + e.getLineNo() + ": " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw new Invalid("body", "not an iCalendar text: " + e.getMessage());
    }
  }

  /** The master's occurrences in the window, each overridden one replaced by its RECURRENCE-ID event. */
  private static List<Interval> occurrences(VEvent master, List<VEvent> series, Instant from, Instant to) {
    Map<Instant, Interval> byStart = new HashMap<>();
    requireHourlyAtMost(master);
    Period<ZonedDateTime> window = new Period<>(from.atZone(PARIS), to.atZone(PARIS));
    Set<Period<Temporal>> set = master.calculateRecurrenceSet(window);
    if (set.size() > MAX_OCCURRENCES_PER_EVENT) {
      throw new Invalid("body", "an event repeats more than " + MAX_OCCURRENCES_PER_EVENT
          + " times before the horizon (UID " + master.getProperty(Property.UID).map(Property::getValue).orElse("?")
          + ")");
    }
    for (Period<Temporal> p : set) {
      Instant s = instant(p.getStart());
      Instant e = instant(p.getEnd());
      if (s != null && e != null) {
        byStart.put(s, new Interval(s, e));
      }
    }
    for (VEvent override : series) {
      override.getProperty(Property.RECURRENCE_ID).ifPresent(rid -> {
        Instant replaced = instant(((net.fortuna.ical4j.model.property.RecurrenceId<?>) rid).getDate());
        byStart.remove(replaced);
        Instant s = dateOf(override, Property.DTSTART);
        Instant e = dateOf(override, Property.DTEND);
        boolean cancelled = override.getProperty(Property.STATUS).map(Property::getValue)
            .filter("CANCELLED"::equalsIgnoreCase).isPresent();
        if (s != null && e != null && !cancelled) {
          byStart.put(s, new Interval(s, e));
        }
      });
    }
    return byStart.values().stream().sorted((a, b) -> a.start().compareTo(b.start())).toList();
  }

  /** A rule repeating by the second or the minute is no availability, and expanding it would take long. */
  private static void requireHourlyAtMost(VEvent master) {
    for (Property rule : master.getProperties(Property.RRULE)) {
      Frequency frequency = ((RRule<?>) rule).getRecur().getFrequency();
      if (frequency == Frequency.SECONDLY || frequency == Frequency.MINUTELY) {
        throw new Invalid("body", "RRULE FREQ=" + frequency + " repeats too often for availability (at most hourly)");
      }
    }
  }

  private static List<Interval> split(Interval occurrence, int slotMinutes, Instant from, Instant to) {
    List<Interval> slots = new ArrayList<>();
    Instant start = occurrence.start();
    while (!start.plusSeconds(slotMinutes * 60L).isAfter(occurrence.end())) {
      Instant end = start.plusSeconds(slotMinutes * 60L);
      if (!start.isBefore(from) && start.isBefore(to)) {
        slots.add(new Interval(start, end));
      }
      start = end;
    }
    return slots;
  }

  private static SlotKind kind(VEvent event) {
    List<String> words = new ArrayList<>();
    event.getProperty(Property.SUMMARY).ifPresent(p -> words.addAll(List.of(p.getValue().split("[^\\p{L}\\p{N}]+"))));
    event.getProperties(Property.CATEGORIES).forEach(p -> words.addAll(List.of(p.getValue().split("\\s*,\\s*"))));
    for (String word : words) {
      SlotKind kind = MARKERS.get(word.trim().toUpperCase(Locale.ROOT));
      if (kind != null) {
        return kind;
      }
    }
    return null;
  }

  private static Instant dateOf(VEvent event, String name) {
    return event.getProperty(name)
        .map(p -> instant(((net.fortuna.ical4j.model.property.DateProperty<?>) p).getDate())).orElse(null);
  }

  /** A date-time as an instant; floating times are Paris time; all-day dates are not availability. */
  private static Instant instant(Temporal t) {
    if (t instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (t instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (t instanceof Instant i) {
      return i;
    }
    if (t instanceof LocalDateTime l) {
      return l.atZone(PARIS).toInstant();
    }
    return null;
  }
}
