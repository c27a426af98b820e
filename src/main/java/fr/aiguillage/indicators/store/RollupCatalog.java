package fr.aiguillage.indicators.store;

import fr.aiguillage.indicators.model.Figure;
import fr.aiguillage.indicators.model.FigureValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tallies of the rolled-up sources, built from {@link FigureCatalog}'s own definitions (docs/decisions/0019): a
 * count or a share is the sum of its days; a breakdown the sum of its keys' counts; a distinct count the union of
 * its days' members; a measure (median, 90th percentile) is PostgreSQL's percentile_cont over the exact values of
 * its days. The SQL that computes a day's tally from the records, and the figures from a merged tally.
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
        if (measurePiece(source, i).equals("h" + i)) {
          // measures over the same values (median and 90th percentile of the wait) share one piece
          pieces.add(new String[] {"h" + i, "(" + d.over() + ")::float8", "count(*)"});
        }
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

  /** Every quantile a measure of the rolled-up sources takes, in order: one sort gives them all. */
  static final List<Double> QUANTILES = SOURCES.stream().flatMap(s -> s.plain().stream())
      .filter(d -> d.figure().kind() == Figure.Kind.MEASURE).map(Source.Definition::quantile).distinct().sorted()
      .toList();

  /** The piece holding the values of plain figure {@code i}, a measure: the first measure over the same values. */
  static String measurePiece(Source source, int i) {
    List<Source.Definition> plain = source.plain();
    for (int j = 0; j <= i; j++) {
      if (plain.get(j).figure().kind() == Figure.Kind.MEASURE && plain.get(j).over().equals(plain.get(i).over())) {
        return "h" + j;
      }
    }
    throw new IllegalStateException("not a measure");
  }

  /**
   * What the blocks of a period add up to, merged in SQL: sums by column, counts per key by piece, the number of
   * distinct members by piece, and each measure piece's percentiles at {@link #QUANTILES}.
   */
  record Merged(Map<String, Long> sums, Map<String, Map<String, Long>> keyed, Map<String, Long> distinct,
                Map<String, double[]> percentiles) {

    static Merged empty() {
      return new Merged(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    long sum(String column) {
      return sums.getOrDefault(column, 0L);
    }
  }

  /** A source's figures from its merged blocks: the same values the catalogue's SQL gives over the records. */
  static Map<String, FigureValue> figures(Source source, Merged merged) {
    Map<String, FigureValue> values = new HashMap<>();
    List<Source.Definition> plain = source.plain();
    for (int i = 0; i < plain.size(); i++) {
      Source.Definition d = plain.get(i);
      values.put(d.figure().code(), switch (d.figure().kind()) {
        case COUNT -> new FigureValue.Count(d.over() == null ? merged.sum("v" + i)
            : merged.distinct().getOrDefault("d" + i, 0L));
        case SHARE -> new FigureValue.Share(merged.sum("v" + i), merged.sum("b" + i));
        case MEASURE -> new FigureValue.Measure(percentile(merged.percentiles().get(measurePiece(source, i)),
            d.quantile()), merged.sum("b" + i));
        case BREAKDOWN -> throw new IllegalStateException("breakdowns are keyed");
      });
    }
    List<Source.Definition> breakdowns = source.breakdowns();
    for (int i = 0; i < breakdowns.size(); i++) {
      Map<String, Long> counts = new TreeMap<>();
      merged.keyed().getOrDefault("k" + i, Map.of()).forEach((key, n) -> {
        if (n > 0) {
          counts.put(key, n);
        }
      });
      values.put(breakdowns.get(i).figure().code(), new FigureValue.Breakdown(counts));
    }
    return values;
  }

  private static Double percentile(double[] atQuantiles, double quantile) {
    return atQuantiles == null ? null : atQuantiles[QUANTILES.indexOf(quantile)];
  }
}
