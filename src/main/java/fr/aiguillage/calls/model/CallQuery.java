package fr.aiguillage.calls.model;

import java.time.Instant;
import java.util.List;

/** Filters of the call listing, within the caller's territories. */
public record CallQuery(CallStatus status, Instant from, Instant to, List<String> territories, int limit) {
}
