package fr.aiguillage.agenda.model;

import java.time.Instant;

/** A half-open period [start, end). */
public record Interval(Instant start, Instant end) {
}
