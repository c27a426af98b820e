package fr.aiguillage.agenda;

import fr.aiguillage.agenda.model.AvailabilityRule;
import fr.aiguillage.agenda.model.RuleRequest;
import fr.aiguillage.failure.FieldError;
import fr.aiguillage.failure.Invalid;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Checks a rule request and turns it into a rule. */
final class RuleRequests {

  private RuleRequests() {
  }

  static AvailabilityRule toRule(UUID id, UUID professionalId, RuleRequest r) {
    List<FieldError> errors = new ArrayList<>();
    LocalTime start = time(errors, "startTime", r.startTime());
    LocalTime end = time(errors, "endTime", r.endTime());
    try {
      Occurrences.parse(r.rrule());
    } catch (Invalid e) {
      errors.addAll(e.errors());
    }
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        errors.add(new FieldError("endTime", "must be after startTime"));
      } else if (start.plusMinutes(r.slotMinutes()).isAfter(end)) {
        errors.add(new FieldError("slotMinutes", "longer than the period from startTime to endTime"));
      }
    }
    if (r.validUntil() != null && r.validUntil().isBefore(r.validFrom())) {
      errors.add(new FieldError("validUntil", "must not be before validFrom"));
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    return new AvailabilityRule(id, professionalId, r.siteId(), r.kind(), r.rrule().trim(), start, end,
        r.slotMinutes(), r.validFrom(), r.validUntil(), r.exdates() == null ? List.of() : List.copyOf(r.exdates()),
        true);
  }

  private static LocalTime time(List<FieldError> errors, String field, String value) {
    try {
      if (value == null || !value.matches("\\d{2}:\\d{2}")) {
        throw new DateTimeParseException("format", String.valueOf(value), 0);
      }
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a local time HH:mm (Europe/Paris)"));
      return null;
    }
  }
}
