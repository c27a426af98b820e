package fr.aiguillage.agenda.http;

import fr.aiguillage.agenda.model.AvailabilityRule;
import fr.aiguillage.agenda.model.RuleChange;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotKind;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** A rule as the API shows it; after a change, with what happened to its slots. */
record RuleView(UUID id, UUID professionalId, UUID siteId, SlotKind kind, String rrule, String startTime,
                String endTime, int slotMinutes, LocalDate validFrom, LocalDate validUntil,
                List<LocalDate> exdates, boolean active, Integer slotsCreated, Integer slotsRemoved,
                Integer overlapsSkipped, List<Slot> conflicts) {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private static String hhmm(LocalTime t) {
    return t.format(HH_MM);
  }

  static RuleView of(AvailabilityRule r) {
    return new RuleView(r.id(), r.professionalId(), r.siteId(), r.kind(), r.rrule(), hhmm(r.startTime()), hhmm(r.endTime()),
        r.slotMinutes(), r.validFrom(), r.validUntil(), r.exdates(), r.active(), null, null, null, null);
  }

  static RuleView of(RuleChange c, boolean active) {
    AvailabilityRule r = c.rule();
    return new RuleView(r.id(), r.professionalId(), r.siteId(), r.kind(), r.rrule(), hhmm(r.startTime()), hhmm(r.endTime()),
        r.slotMinutes(), r.validFrom(), r.validUntil(), r.exdates(), active, c.slotsCreated(), c.slotsRemoved(),
        c.overlapsSkipped(), c.conflicts());
  }
}
