package fr.aiguillage.indicators.store;

import fr.aiguillage.indicators.model.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which blocks make each period of a report and its total, per source: a month block for a whole month of the
 * range none of whose days must be read from the records (monthly periods and every total), else the day blocks,
 * and the days computed from the records ("r") for the others; a target made of one stored block of one territory
 * is "alone" and reads that block's own figures. Sent to the reading statements as arrays.
 */
final class BlockPlan {

  /** The target of the total's blocks (no period starts then). */
  static final LocalDate TOTAL = LocalDate.of(1, 1, 1);

  private final List<String> source = new ArrayList<>();
  private final List<String> grain = new ArrayList<>();
  private final List<LocalDate> day = new ArrayList<>();
  private final List<LocalDate> target = new ArrayList<>();
  private final List<Boolean> alone = new ArrayList<>();
  private final boolean oneTerritory;

  /** {@code oneTerritory}: a stored block alone is then the whole of its target, and gives its own figures. */
  BlockPlan(boolean oneTerritory) {
    this.oneTerritory = oneTerritory;
  }

  /** The blocks of one source over the whole days [first, last], cut by {@code granularity}. */
  void add(String name, LocalDate first, LocalDate last, Granularity granularity, Set<LocalDate> raw) {
    for (LocalDate p = granularity.periodStart(first); !p.isAfter(last); p = granularity.next(p)) {
      LocalDate from = p.isBefore(first) ? first : p;
      LocalDate end = granularity.next(p).minusDays(1);
      blocks(name, from, end.isAfter(last) ? last : end, granularity == Granularity.MONTH, raw, p);
    }
    blocks(name, first, last, true, raw, TOTAL);
  }

  private void blocks(String name, LocalDate from, LocalDate to, boolean months, Set<LocalDate> raw, LocalDate goal) {
    int start = source.size();
    LocalDate d = from;
    while (!d.isAfter(to)) {
      LocalDate monthEnd = d.plusMonths(1).minusDays(1);
      if (months && d.getDayOfMonth() == 1 && !monthEnd.isAfter(to) && noneIn(raw, d, monthEnd)) {
        block(name, "m", d, goal);
        d = d.plusMonths(1);
      } else {
        block(name, raw.contains(d) ? "r" : "d", d, goal);
        d = d.plusDays(1);
      }
    }
    if (oneTerritory && source.size() == start + 1 && !grain.get(start).equals("r")) {
      alone.set(start, true);
    }
  }

  private static boolean noneIn(Set<LocalDate> raw, LocalDate from, LocalDate to) {
    return raw.stream().noneMatch(d -> !d.isBefore(from) && !d.isAfter(to));
  }

  private void block(String name, String g, LocalDate d, LocalDate t) {
    source.add(name);
    grain.add(g);
    day.add(d);
    target.add(t);
    alone.add(false);
  }

  /** {@code first}, then the blocks' source, grain, day, target and whether it is alone, as arrays. */
  Object[] arrays(Object first) {
    return new Object[] {first, source.toArray(String[]::new), grain.toArray(String[]::new),
        day.toArray(LocalDate[]::new), target.toArray(LocalDate[]::new), alone.toArray(Boolean[]::new)};
  }
}
