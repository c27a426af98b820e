package fr.aiguillage.agenda.model;

import java.util.List;

/** A rule after a change, what its slots became, and the booked slots that stayed in the way. */
public record RuleChange(AvailabilityRule rule, int slotsCreated, int slotsRemoved, int overlapsSkipped,
                         List<Slot> conflicts) {
}
