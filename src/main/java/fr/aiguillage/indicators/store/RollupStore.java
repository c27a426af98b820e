package fr.aiguillage.indicators.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.indicators.model.FigureValue;
import fr.aiguillage.indicators.model.Granularity;
import fr.aiguillage.indicators.store.IndicatorStore.Bound;
import fr.aiguillage.indicators.store.IndicatorStore.Params;
import fr.aiguillage.indicators.store.IndicatorStore.SourceFigures;
import fr.aiguillage.json.Json;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The daily rollups of indicator_rollup (docs/decisions/0019): a report adds up the stored tallies of the whole
 * days of its range that have no pending change, and recomputes from the records the other days (pending ones,
 * the partial first and last day, and for the agenda the days from today, whose "unused" depends on the hour).
 * {@link #refresh} consumes the pending changes and rewrites their days, under one lock.
 */
public final class RollupStore {

  private static final int BATCH = 20_000;
  /** The shared mapper, with the fast double parser: a year's tallies hold some 300,000 measured values. */
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = Json.MAPPER.copy();

  static {
    MAPPER.getFactory().enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
  }
  /** Stored agenda days are past days: every slot of them has started. */
  private static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

  private record Statements(Source source, Bound sums, Bound keyed) {
  }

  private static final List<Statements> STATEMENTS = RollupCatalog.SOURCES.stream()
      .map(s -> new Statements(s, IndicatorStore.bind(RollupCatalog.sumsSql(s)),
          IndicatorStore.bind(RollupCatalog.keyedSql(s)))).toList();

  private static final String STORED = """
      SELECT r.source, r.day, r.tally::text AS tally
      FROM indicator_rollup r
      WHERE r.territory_id = ANY ($1) AND r.day BETWEEN $2 AND $3
        AND NOT EXISTS (SELECT 1 FROM indicator_change c
                        WHERE c.source = r.source AND c.territory_id = ANY ($1) AND c.day = r.day)
      UNION ALL
      SELECT DISTINCT c.source, c.day, NULL
      FROM indicator_change c
      WHERE c.territory_id = ANY ($1) AND c.day BETWEEN $2 AND $3""";

  /** The figures of the rolled-up sources over the range, per period and in total. */
  public Future<List<SourceFigures>> read(SqlClient db, Params params) {
    LocalDate first = day(params.from());
    LocalDate last = day(params.to().minusNanos(1));
    LocalDate today = day(params.now());
    String[] territories = params.territories().toArray(String[]::new);
    return db.preparedQuery(STORED).execute(Tuple.of(territories, first, last)).compose(rows -> {
      Map<String, Map<LocalDate, Tally>> stored = new HashMap<>();
      Map<String, Set<LocalDate>> pending = new HashMap<>();
      for (Row row : rows) {
        String tally = row.getString("tally");
        if (tally == null) {
          pending.computeIfAbsent(row.getString("source"), s -> new TreeSet<>()).add(row.getLocalDate("day"));
        } else {
          stored.computeIfAbsent(row.getString("source"), s -> new HashMap<>())
              .computeIfAbsent(row.getLocalDate("day"), d -> Tally.empty()).add(parse(tally));
        }
      }
      List<Future<SourceFigures>> reads = new ArrayList<>();
      for (Statements s : STATEMENTS) {
        Set<LocalDate> raw = new TreeSet<>(pending.getOrDefault(s.source().name(), Set.of()));
        if (!instant(first).equals(params.from())) {
          raw.add(first);
        }
        if (!instant(last.plusDays(1)).equals(params.to())) {
          raw.add(last);
        }
        if (s.source() == FigureCatalog.AGENDA) {
          for (LocalDate d = today.isAfter(first) ? today : first; !d.isAfter(last); d = d.plusDays(1)) {
            raw.add(d);
          }
        }
        Map<LocalDate, Tally> days = new HashMap<>(stored.getOrDefault(s.source().name(), Map.of()));
        days.keySet().removeAll(raw);
        reads.add(compute(db, s, params, raw, params.now()).map(fresh -> {
          fresh.forEach(days::put);
          return figures(s.source(), params.granularity(), days);
        }));
      }
      return Future.all(reads).map(all -> reads.stream().map(Future::result).toList());
    });
  }

  /**
   * Rewrites the rollup of the days with pending changes, a batch at a time, and says how many changes it
   * consumed (0: the rollups are up to date). One refresher at a time (a transaction-scoped advisory lock), so an
   * older computation never overwrites a newer one.
   */
  public Future<Integer> refresh(Pool pool) {
    return pool.withTransaction(tx -> tx.query("SELECT pg_advisory_xact_lock(hashtext('indicator_rollup'))").execute()
        .compose(v -> tx.preparedQuery("DELETE FROM indicator_change WHERE id IN (SELECT id FROM indicator_change"
            + " ORDER BY id LIMIT $1) RETURNING source, territory_id, day").execute(Tuple.of(BATCH)))
        .compose(changes -> {
          Future<Void> chain = Future.succeededFuture();
          for (Statements s : STATEMENTS) {
            Set<String> territories = new TreeSet<>();
            Set<LocalDate> days = new TreeSet<>();
            for (Row row : changes) {
              if (row.getString("source").equals(s.source().name())) {
                territories.add(row.getString("territory_id"));
                days.add(row.getLocalDate("day"));
              }
            }
            if (!days.isEmpty()) {
              chain = chain.compose(v -> rewrite(tx, s, territories, days));
            }
          }
          return chain.map(changes.rowCount());
        }));
  }

  /** Recomputes every (territory, day) of these territories and days from the records and stores the tallies. */
  private Future<Void> rewrite(SqlClient tx, Statements s, Set<String> territories, Set<LocalDate> days) {
    LocalDate first = days.iterator().next();
    LocalDate last = ((TreeSet<LocalDate>) days).last();
    Params params = new Params(List.copyOf(territories), instant(first), instant(last.plusDays(1)), Granularity.DAY,
        NEVER);
    return computeByTerritory(tx, s, params, days).compose(tallies -> {
      List<String> ts = new ArrayList<>();
      List<LocalDate> ds = new ArrayList<>();
      List<String> json = new ArrayList<>();
      tallies.forEach((key, tally) -> {
        ts.add(key.territory());
        ds.add(key.day());
        json.add(Json.text(tally));
      });
      return tx.preparedQuery("DELETE FROM indicator_rollup WHERE source = $1 AND territory_id = ANY ($2)"
              + " AND day = ANY ($3)")
          .execute(Tuple.of(s.source().name(), territories.toArray(String[]::new), days.toArray(LocalDate[]::new)))
          .compose(v -> tx.preparedQuery("INSERT INTO indicator_rollup (source, territory_id, day, tally)"
                  + " SELECT $1, u.t, u.d, u.j::jsonb FROM unnest($2::text[], $3::date[], $4::text[]) AS u (t, d, j)")
              .execute(Tuple.of(s.source().name(), ts.toArray(String[]::new), ds.toArray(LocalDate[]::new),
                  json.toArray(String[]::new))))
          .mapEmpty();
    });
  }

  private record Key(String territory, LocalDate day) {
  }

  /** Tallies of these days from the records, all territories of the params together. */
  private Future<Map<LocalDate, Tally>> compute(SqlClient db, Statements s, Params params, Set<LocalDate> days,
                                                Instant now) {
    if (days.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    LocalDate first = days.iterator().next();
    LocalDate last = ((TreeSet<LocalDate>) days).last();
    Instant from = max(params.from(), instant(first));
    Instant to = min(params.to(), instant(last.plusDays(1)));
    Params narrowed = new Params(params.territories(), from, to, Granularity.DAY, now);
    return computeByTerritory(db, s, narrowed, days).map(byKey -> {
      Map<LocalDate, Tally> byDay = new HashMap<>();
      byKey.forEach((key, tally) -> byDay.computeIfAbsent(key.day(), d -> Tally.empty()).add(tally));
      return byDay;
    });
  }

  private Future<Map<Key, Tally>> computeByTerritory(SqlClient db, Statements s, Params params, Set<LocalDate> days) {
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
              java.util.Arrays.fill(same, Double.parseDouble(key));
              tally.values().merge(piece, same, (a, b) -> Tally.sum(List.of(
                  new Tally(Map.of(), Map.of(), Map.of(piece, a)), new Tally(Map.of(), Map.of(), Map.of(piece, b))))
                  .values(piece));
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

  private static SourceFigures figures(Source source, Granularity granularity, Map<LocalDate, Tally> days) {
    Map<LocalDate, List<Tally>> periods = new HashMap<>();
    days.forEach((day, tally) -> periods.computeIfAbsent(granularity.periodStart(day), p -> new ArrayList<>())
        .add(tally));
    Map<LocalDate, Map<String, FigureValue>> byPeriod = periods.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> RollupCatalog.figures(source, Tally.sum(e.getValue()))));
    return new SourceFigures(IndicatorStore.Kind.FLOW, byPeriod,
        RollupCatalog.figures(source, Tally.sum(days.values())));
  }

  private static Tally parse(String json) {
    try {
      return MAPPER.readValue(json, Tally.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalDate day(Instant t) {
    return t.atZone(SqlTime.PARIS).toLocalDate();
  }

  private static Instant instant(LocalDate day) {
    return day.atStartOfDay(SqlTime.PARIS).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
