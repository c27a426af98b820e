package fr.aiguillage.indicators.store;

import fr.aiguillage.indicators.model.Figure;

import java.util.List;

/**
 * Where a family of figures is read from. {@code rows} is a SELECT giving one row per record, with the parameters
 * {@code :territories}, {@code :from_at}, {@code :to_at}, {@code :unit} (day, week, month) and {@code :now_at}: with
 * {@code t}, the instant that puts it in a period, for a FLOW; with a ready {@code bucket} (first day of the period)
 * and signed changes for a STOCK; for a CURRENT source, rows of today.
 */
record Source(String name, Kind kind, String rows, List<Definition> figures) {

  /**
   * FLOW: events counted in the period they happen; STOCK: a state at the end of each period, as the running sum
   * of its changes (its figures are sums of signed changes); CURRENT: now.
   */
  enum Kind { FLOW, STOCK, CURRENT }

  /**
   * A figure and its SQL: {@code value} an aggregate (the part of a share); {@code base} the aggregate a share
   * or measure rests on; {@code key} the row expression a breakdown is keyed by (null keys are left out).
   * For the daily rollups (docs/decisions/0019): {@code over} is the expression a measure takes its percentile
   * {@code quantile} over, or the one a count counts distinct values of; null for plain counts.
   */
  record Definition(Figure figure, String value, String base, String key, String over, double quantile) {

    static Definition count(String code, String label, String sql) {
      return new Definition(new Figure(code, label, Figure.Kind.COUNT, null), sql, null, null, null, 0);
    }

    /** A count of distinct values of {@code over} (rollups keep the values themselves: it cannot be summed). */
    static Definition distinct(String code, String label, String over) {
      return new Definition(new Figure(code, label, Figure.Kind.COUNT, null), "count(DISTINCT " + over + ")", null,
          null, over, 0);
    }

    static Definition share(String code, String label, String part, String base) {
      return new Definition(new Figure(code, label, Figure.Kind.SHARE, "%"), part, base, null, null, 0);
    }

    /** The {@code quantile} (continuous, as PostgreSQL's percentile_cont) of {@code over}, resting on {@code base}. */
    static Definition measure(String code, String label, String unit, double quantile, String over, String base) {
      return new Definition(new Figure(code, label, Figure.Kind.MEASURE, unit),
          "percentile_cont(" + quantile + ") WITHIN GROUP (ORDER BY " + over + ")", base, null, over, quantile);
    }

    static Definition breakdown(String code, String label, String key, String sql) {
      return new Definition(new Figure(code, label, Figure.Kind.BREAKDOWN, null), sql, null, key, null, 0);
    }
  }

  List<Definition> plain() {
    return figures.stream().filter(d -> d.key() == null).toList();
  }

  List<Definition> breakdowns() {
    return figures.stream().filter(d -> d.key() != null).toList();
  }
}
