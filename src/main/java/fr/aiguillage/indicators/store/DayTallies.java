package fr.aiguillage.indicators.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.indicators.model.Granularity;
import fr.aiguillage.indicators.store.IndicatorStore.Bound;
import fr.aiguillage.indicators.store.IndicatorStore.Params;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What whole days of the records add up to ({@link Tally}), per territory, through the SQL {@link RollupCatalog}
 * generates from the catalogue: what the refresher stores as day blocks, and what a report computes for the days
 * it cannot read from the blocks (pending, partial, the agenda from today).
 */
final class DayTallies {

  record Statements(Source source, Bound sums, Bound keyed) {
  }

  static final List<Statements> STATEMENTS = RollupCatalog.SOURCES.stream()
      .map(s -> new Statements(s, IndicatorStore.bind(RollupCatalog.sumsSql(s)),
          IndicatorStore.bind(RollupCatalog.keyedSql(s)))).toList();

  record Key(String territory, LocalDate day) {
  }

  private DayTallies() {
  }

  /** Tallies of these days from the records (within the params' range), all territories of the params together. */
  static Future<Map<LocalDate, Tally>> compute(SqlClient db, Statements s, Params params, Set<LocalDate> days) {
    if (days.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    LocalDate first = days.iterator().next();
    LocalDate last = ((TreeSet<LocalDate>) days).last();
    Instant from = max(params.from(), instant(first));
    Instant to = min(params.to(), instant(last.plusDays(1)));
    Params narrowed = new Params(params.territories(), from, to, Granularity.DAY, params.now());
    return byTerritory(db, s, narrowed, days).map(byKey -> {
      Map<LocalDate, Tally> byDay = new HashMap<>();
      byKey.forEach((key, tally) -> byDay.computeIfAbsent(key.day(), d -> Tally.empty()).add(tally));
      return byDay;
    });
  }

  /** Tallies of these days from the records, per territory and day. */
  static Future<Map<Key, Tally>> byTerritory(SqlClient db, Statements s, Params params, Set<LocalDate> days) {
    List<Object> values = new ArrayList<>(params.values());
    values.add(days.toArray(LocalDate[]::new));
    Future<RowSet<Row>> sums = db.preparedQuery(s.sums().sql()).execute(s.sums().tuple(values));
    Future<RowSet<Row>> keyed = db.preparedQuery(s.keyed().sql()).execute(s.keyed().tuple(values));
    return Future.all(sums, keyed).map(v -> {
      Map<Key, Tally> tallies = new HashMap<>();
      for (Row row : sums.result()) {
        Tally tally = tallies.computeIfAbsent(key(row), k -> Tally.empty());
        for (int c = 2; c < row.size(); c++) {
          tally.sums().merge(row.getColumnName(c), row.getLong(c), Long::sum);
        }
      }
      List<String[]> pieces = RollupCatalog.pieces(s.source());
      for (Row row : keyed.result()) {
        for (int p = 0; p < pieces.size(); p++) {
          String key = row.getString("p" + p);
          if (row.getInteger("g" + p) == 0 && key != null && row.getLong("c" + p) > 0) {
            Tally tally = tallies.computeIfAbsent(key(row), k -> Tally.empty());
            String piece = pieces.get(p)[0];
            if (piece.startsWith("h")) {
              // a measure keeps each record's value: this one, as many times as records have it
              double[] same = new double[(int) row.getLong("c" + p).longValue()];
              Arrays.fill(same, Double.parseDouble(key));
              tally.values().merge(piece, same, Tally::concat);
            } else {
              tally.keyed().computeIfAbsent(piece, x -> new HashMap<>()).merge(key, row.getLong("c" + p), Long::sum);
            }
          }
        }
      }
      return tallies;
    });
  }

  private static Key key(Row row) {
    return new Key(row.getString("territory_id"), row.getLocalDate("day"));
  }

  static Instant instant(LocalDate day) {
    return day.atStartOfDay(SqlTime.PARIS).toInstant();
  }

  static LocalDate day(Instant t) {
    return t.atZone(SqlTime.PARIS).toLocalDate();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
