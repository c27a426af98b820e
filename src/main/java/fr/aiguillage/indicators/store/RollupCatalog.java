package fr.aiguillage.indicators.store;

import fr.aiguillage.indicators.model.Figure;
import fr.aiguillage.indicators.model.FigureValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily tallies of the sources kept in indicator_rollup, built from {@link FigureCatalog}'s own definitions
 * (docs/decisions/0019): a count or a share is the sum of its days; a breakdown the sum of its keys' counts; a
 * distinct count the union of its days' values; a measure (median, 90th percentile) is taken over the exact values
 * of its days, kept with how many records have each, the way PostgreSQL's percentile_cont takes it.
 */
final class RollupCatalog {

  /** The sources with a rollup (the waiting list's, a few thousand requests, are read from the records). */
  static final List<Source> SOURCES = List.of(FigureCatalog.CALLS, FigureCatalog.TRIAGE, FigureCatalog.CARE,
      FigureCatalog.AGENDA);

  /** A source's rows, with their Paris day, limited to the days asked for. */
  private static final String DAYS = "(SELECT (r.t AT TIME ZONE 'Europe/Paris')::date AS day%s, r.* FROM (%s) r"
      + " WHERE (r.t AT TIME ZONE 'Europe/Paris')::date = ANY (:days)) s";

  private RollupCatalog() {
  }

  /** Per territory and day: one column per summable aggregate of the source's plain figures. */
  static String sumsSql(Source source) {
    StringBuilder columns = new StringBuilder();
    List<Source.Definition> defs = source.plain();
    for (int i = 0; i < defs.size(); i++) {
      Source.Definition d = defs.get(i);
      if (d.figure().kind() != Figure.Kind.MEASURE && d.over() == null) {
        columns.append(", ").append(d.value()).append(" AS v").append(i);
      }
      if (d.base() != null) {
        columns.append(", ").append(d.base()).append(" AS b").append(i);
      }
    }
    return "SELECT s.territory_id, s.day" + columns + " FROM " + DAYS.formatted("", source.rows())
        + " GROUP BY s.territory_id, s.day";
  }

  /** Per territory, day, piece and key, the count: one grouping set per keyed piece, in one pass. */
  static String keyedSql(Source source) {
    List<String[]> pieces = pieces(source);
    StringBuilder keys = new StringBuilder();
    StringBuilder columns = new StringBuilder();
    List<String> sets = new ArrayList<>();
    for (int p = 0; p < pieces.size(); p++) {
      keys.append(", (").append(pieces.get(p)[1]).append(")::text AS p").append(p);
      columns.append(", s.p").append(p).append(", GROUPING(s.p").append(p).append(") AS g").append(p)
          .append(", ").append(pieces.get(p)[2]).append(" AS c").append(p);
      sets.add("(s.territory_id, s.day, s.p" + p + ")");
    }
    return "SELECT s.territory_id, s.day" + columns + " FROM " + DAYS.formatted(keys, source.rows())
        + " GROUP BY GROUPING SETS (" + String.join(", ", sets) + ")";
  }

  /** The keyed pieces of a source: {name, key expression, count}. */
  static List<String[]> pieces(Source source) {
    List<String[]> pieces = new ArrayList<>();
    List<Source.Definition> plain = source.plain();
    for (int i = 0; i < plain.size(); i++) {
      Source.Definition d = plain.get(i);
      if (d.figure().kind() == Figure.Kind.MEASURE) {
        pieces.add(new String[] {"h" + i, "(" + d.over() + ")::float8", "count(*)"});
      } else if (d.over() != null) {
        pieces.add(new String[] {"d" + i, d.over(), "count(*)"});
      }
    }
    List<Source.Definition> breakdowns = source.breakdowns();
    for (int i = 0; i < breakdowns.size(); i++) {
      pieces.add(new String[] {"k" + i, breakdowns.get(i).key(), breakdowns.get(i).value()});
    }
    return pieces;
  }

  /** A source's figures from its merged tally: the same values the catalogue's SQL gives over the records. */
  static Map<String, FigureValue> figures(Source source, Tally tally) {
    Map<String, FigureValue> values = new HashMap<>();
    List<Source.Definition> plain = source.plain();
    for (int i = 0; i < plain.size(); i++) {
      Source.Definition d = plain.get(i);
      values.put(d.figure().code(), switch (d.figure().kind()) {
        case COUNT -> new FigureValue.Count(d.over() == null ? tally.sum("v" + i) : present(tally.counts("d" + i)));
        case SHARE -> new FigureValue.Share(tally.sum("v" + i), tally.sum("b" + i));
        case MEASURE -> new FigureValue.Measure(percentile(tally.values("h" + i), d.quantile()), tally.sum("b" + i));
        case BREAKDOWN -> throw new IllegalStateException("breakdowns are keyed");
      });
    }
    List<Source.Definition> breakdowns = source.breakdowns();
    for (int i = 0; i < breakdowns.size(); i++) {
      Map<String, Long> counts = new TreeMap<>();
      tally.counts("k" + i).forEach((key, n) -> {
        if (n > 0) {
          counts.put(key, n);
        }
      });
      values.put(breakdowns.get(i).figure().code(), new FigureValue.Breakdown(counts));
    }
    return values;
  }

  private static long present(Map<String, Long> counts) {
    return counts.values().stream().filter(n -> n > 0).count();
  }

  /**
   * PostgreSQL's percentile_cont over these values: the values of ranks floor and ceil of q·(n−1) in order,
   * interpolated as {@code lo + (q·(n−1) − floor) · (hi − lo)} (float8_lerp), so the result is the same double.
   * No value: null.
   */
  static Double percentile(double[] values, double quantile) {
    if (values.length == 0) {
      return null;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double position = quantile * (sorted.length - 1);
    int first = (int) Math.floor(position);
    int second = (int) Math.ceil(position);
    double lo = sorted[first];
    if (first == second) {
      return lo;
    }
    double hi = sorted[second];
    return lo + ((position - first) * (hi - lo));
  }
}
