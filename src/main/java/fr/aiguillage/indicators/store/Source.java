package fr.aiguillage.indicators.store;

import fr.aiguillage.indicators.model.Figure;

import java.util.List;

/**
 * Where a family of figures is read from. {@code rows} is a SELECT over one-row {@code p} (territories, from_at,
 * to_at, unit, now_at) giving one row per record: {@code t}, the instant that puts it in a period, for a FLOW; a
 * ready {@code bucket} (first day of the period) for a STOCK; nothing for a CURRENT source.
 */
record Source(String name, Kind kind, String rows, List<Definition> figures) {

  /** FLOW: events counted in the period they happen; STOCK: a state at the end of each period; CURRENT: now. */
  enum Kind { FLOW, STOCK, CURRENT }

  /**
   * A figure and its SQL: {@code value} an aggregate (the part of a share); {@code base} the aggregate a share
   * or measure rests on; {@code key} the row expression a breakdown is keyed by (null keys are left out).
   */
  record Definition(Figure figure, String value, String base, String key) {
  }

  List<Definition> plain() {
    return figures.stream().filter(d -> d.key() == null).toList();
  }

  List<Definition> breakdowns() {
    return figures.stream().filter(d -> d.key() != null).toList();
  }
}
