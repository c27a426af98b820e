package fr.aiguillage.indicators.store;

import java.util.HashMap;
import java.util.Map;

/**
 * What one source's records of a day (or of a period, once merged) add up to, kept so that days can be added:
 * {@code sums} by column (counts, the parts and bases of shares), and {@code keyed} counts per key by piece
 * (a breakdown's keys, a measure's exact values, a distinct count's values). Stored as JSON in indicator_rollup.
 */
record Tally(Map<String, Long> sums, Map<String, Map<String, Long>> keyed) {

  static Tally empty() {
    return new Tally(new HashMap<>(), new HashMap<>());
  }

  /** Adds {@code other} into this one (this one's maps must be mutable, as {@link #empty()} gives). */
  Tally add(Tally other) {
    other.sums.forEach((column, n) -> sums.merge(column, n, Long::sum));
    other.keyed.forEach((piece, counts) -> {
      Map<String, Long> into = keyed.computeIfAbsent(piece, p -> new HashMap<>());
      counts.forEach((key, n) -> into.merge(key, n, Long::sum));
    });
    return this;
  }

  long sum(String column) {
    return sums.getOrDefault(column, 0L);
  }

  Map<String, Long> counts(String piece) {
    return keyed.getOrDefault(piece, Map.of());
  }
}
