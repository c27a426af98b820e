package fr.aiguillage.notify;

import fr.aiguillage.db.SqlTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a reminder is due: the evening before (at {@code eveningTime}, Paris time) for a slot on a later day;
 * {@code sameDayLead} before it for a same-day slot, or when that evening has already passed at booking. None
 * when that moment is already past (the confirmation has just told the patient).
 */
public final class Reminders {

  private final LocalTime eveningTime;
  private final Duration sameDayLead;

  public Reminders(LocalTime eveningTime, Duration sameDayLead) {
    this.eveningTime = eveningTime;
    this.sameDayLead = sameDayLead;
  }

  public Optional<Instant> due(Instant bookedAt, Instant slotStart) {
    ZonedDateTime start = slotStart.atZone(SqlTime.PARIS);
    LocalDate today = bookedAt.atZone(SqlTime.PARIS).toLocalDate();
    if (start.toLocalDate().isAfter(today)) {
      Instant evening = start.toLocalDate().minusDays(1).atTime(eveningTime).atZone(SqlTime.PARIS).toInstant();
      if (evening.isAfter(bookedAt) && evening.isBefore(slotStart)) {
        return Optional.of(evening);
      }
    }
    Instant before = slotStart.minus(sameDayLead);
    return before.isAfter(bookedAt) ? Optional.of(before) : Optional.empty();
  }
}
