package fr.aiguillage.indicators.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What one source's records of a day (or of a period, once merged) add up to, kept so that days can be added:
 * {@code sums} by column (counts, the parts and bases of shares); {@code keyed} counts per key by piece (a
 * breakdown's keys, a distinct count's values); {@code values} by piece, the exact value of each record a measure
 * (median, percentile) is taken over. Stored as rows of the day blocks ({@link BlockRows}).
 */
record Tally(Map<String, Long> sums, Map<String, Map<String, Long>> keyed, Map<String, double[]> values) {

  static Tally empty() {
    return new Tally(new HashMap<>(), new HashMap<>(), new HashMap<>());
  }

  /** Adds {@code other} into this one (this one's maps must be mutable, as {@link #empty()} gives). */
  Tally add(Tally other) {
    other.sums.forEach((column, n) -> sums.merge(column, n, Long::sum));
    other.keyed.forEach((piece, counts) -> {
      Map<String, Long> into = keyed.computeIfAbsent(piece, p -> new HashMap<>());
      counts.forEach((key, n) -> into.merge(key, n, Long::sum));
    });
    other.values.forEach((piece, more) -> values.merge(piece, more, Tally::concat));
    return this;
  }

  /** The sum of many tallies, each measure's values copied once. */
  static Tally sum(Collection<Tally> tallies) {
    Tally total = new Tally(new HashMap<>(), new HashMap<>(), Map.of());
    Map<String, Integer> sizes = new HashMap<>();
    for (Tally t : tallies) {
      total.add(new Tally(t.sums, t.keyed, Map.of()));
      t.values.forEach((piece, v) -> sizes.merge(piece, v.length, Integer::sum));
    }
    Map<String, double[]> values = new HashMap<>();
    Map<String, Integer> filled = new HashMap<>();
    sizes.forEach((piece, size) -> values.put(piece, new double[size]));
    for (Tally t : tallies) {
      t.values.forEach((piece, v) -> {
        int at = filled.getOrDefault(piece, 0);
        System.arraycopy(v, 0, values.get(piece), at, v.length);
        filled.put(piece, at + v.length);
      });
    }
    return new Tally(total.sums, total.keyed, values);
  }

  static double[] concat(double[] a, double[] b) {
    double[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  long sum(String column) {
    return sums.getOrDefault(column, 0L);
  }

  Map<String, Long> counts(String piece) {
    return keyed.getOrDefault(piece, Map.of());
  }

  double[] values(String piece) {
    return values.getOrDefault(piece, new double[0]);
  }
}
