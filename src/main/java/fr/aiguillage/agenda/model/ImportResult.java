package fr.aiguillage.agenda.model;

import java.util.List;

/** What an availability import did: slots created, imported slots kept (booked) or removed, overlaps refused. */
public record ImportResult(int created, int kept, int removed, int ignored, List<Interval> overlapsRefused) {
}
