package fr.aiguillage.indicators.store;

import fr.aiguillage.indicators.model.FigureValue;
import fr.aiguillage.indicators.store.DayTallies.Statements;
import fr.aiguillage.indicators.store.IndicatorStore.Params;
import fr.aiguillage.indicators.store.IndicatorStore.SourceFigures;
import fr.aiguillage.indicators.store.RollupCatalog.Merged;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rollups of the big sources (docs/decisions/0019): day and month blocks of counts, distinct members and
 * measured values, which PostgreSQL adds up per period (sums, count(DISTINCT), percentile_cont over the values) in
 * three statements; the days that cannot be read from the blocks (pending changes, the partial first and last day,
 * the agenda from today, whose "unused" depends on the hour) are computed from the records and sent along with
 * them. One read-only repeatable-read transaction: one snapshot for the pending list, the records and the blocks.
 * {@link #refresh} consumes the pending changes ({@link BlockWriter}).
 */
public final class RollupStore {

  /**
   * The blocks each period and the total are made of: $2 source, $3 grain ('d', 'm', 'r': read from the records),
   * $4 day, $5 target (the period's first day, or {@link BlockPlan#TOTAL}), $6 alone (the target's only block).
   */
  private static final String PLAN = "WITH w AS MATERIALIZED (SELECT * FROM unnest($2::text[], $3::text[], $4::date[],"
      + " $5::date[], $6::bool[]) AS w (source, grain, day, target, alone))";
  /**
   * A table's rows of each planned block, looked up by its key (a lateral subquery kept apart by OFFSET 0, so the
   * planner reads the blocks' index instead of scanning the whole table to hash it).
   */
  private static String stored(String table) {
    return " CROSS JOIN LATERAL (SELECT * FROM " + table + " t WHERE t.source = w.source AND t.territory_id = ANY ($1)"
        + " AND t.grain = w.grain AND t.day = w.day OFFSET 0) b";
  }
  private static final String RAW = " ON w.grain = 'r' AND r.source = w.source AND r.day = w.day";
  /** Sums and breakdown keys; a block alone also gives its distinct counts (pieces d…, key ''). */
  private static final String COUNTS = PLAN + """

      SELECT w.target, w.source, b.piece, b.key, b.n FROM w%1$s WHERE w.alone
      UNION ALL
      SELECT x.target, x.source, x.piece, x.key, sum(x.n)::bigint FROM (
        SELECT w.target, w.source, b.piece, b.key, b.n FROM w%1$s
        WHERE NOT w.alone AND b.piece NOT LIKE 'd%%'
        UNION ALL
        SELECT w.target, w.source, r.piece, r.key, r.n
        FROM w JOIN unnest($7::text[], $8::date[], $9::text[], $10::text[], $11::int8[])
          AS r (source, day, piece, key, n)
        %2$s) x
      GROUP BY x.target, x.source, x.piece, x.key""".formatted(stored("indicator_count"), RAW);
  /** The distinct counts of targets of several blocks: the members of their blocks, counted once. */
  private static final String MEMBERS = PLAN + """

      SELECT x.target, x.source, x.piece, count(DISTINCT x.member) AS n FROM (
        SELECT w.target, w.source, b.piece, b.member COLLATE "C" AS member FROM w%1$s
        WHERE NOT w.alone
        UNION ALL
        SELECT w.target, w.source, r.piece, r.member COLLATE "C"
        FROM w JOIN unnest($7::text[], $8::date[], $9::text[], $10::text[]) AS r (source, day, piece, member)%2$s) x
      GROUP BY x.target, x.source, x.piece""".formatted(stored("indicator_member"), RAW);
  /**
   * Percentiles at $11 (the catalogue's quantiles), exactly as percentile_cont takes them (docs/decisions/0030): a
   * block alone gives its own; for a target of several blocks, the counts of its blocks' unit buckets (and of the
   * values of the days read from the records) are added up, the bucket holding each quantile's two ranks is found,
   * and only that bucket's values are read (a slice of each block's sorted values) and sorted. The interpolation is
   * percentile_cont's own: lo + (proportion * (hi - lo)), in float8.
   */
  private static final String MEASURES = PLAN + """
      , r AS MATERIALIZED (SELECT * FROM unnest($7::text[], $8::date[], $9::text[], $10::float8[]) AS r (source, day,
                                                                                                       piece, v))
      , c AS MATERIALIZED (
        SELECT h.target, h.source, h.piece, h.k, h.n, (sum(h.n) OVER g)::int8 - h.n AS before,
               (sum(h.n) OVER (PARTITION BY h.target, h.source, h.piece))::int8 AS total
        FROM (SELECT x.target, x.source, x.piece, x.k, sum(x.n)::int8 AS n FROM (
                SELECT w.target, w.source, b.piece, u.k, u.n
                FROM w%1$s CROSS JOIN LATERAL unnest(b.bk, b.bn) AS u (k, n) WHERE NOT w.alone
                UNION ALL
                SELECT w.target, w.source, r.piece, floor(r.v), 1 FROM w JOIN r%2$s) x
              GROUP BY x.target, x.source, x.piece, x.k) h
        WINDOW g AS (PARTITION BY h.target, h.source, h.piece ORDER BY h.k))
      , rk AS MATERIALIZED (
        SELECT t.target, t.source, t.piece, q.i, floor(q.q * (t.total - 1)::float8)::int8 AS lo,
               ceil(q.q * (t.total - 1)::float8)::int8 AS hi,
               q.q * (t.total - 1)::float8 - floor(q.q * (t.total - 1)::float8) AS proportion
        FROM (SELECT DISTINCT target, source, piece, total FROM c) t
        CROSS JOIN unnest($11::float8[]) WITH ORDINALITY AS q (q, i))
      , bv AS MATERIALIZED (
        SELECT c.target, c.source, c.piece, c.before, (
          SELECT array_agg(x.v ORDER BY x.v) FROM (
            SELECT unnest(b.vals[b.bo[i] : b.bo[i] + b.bn[i] - 1]) AS v
            FROM w%1$s CROSS JOIN LATERAL array_position(b.bk, c.k) AS i
            WHERE NOT w.alone AND w.target = c.target AND w.source = c.source AND b.piece = c.piece AND i IS NOT NULL
            UNION ALL
            SELECT r.v FROM w JOIN r%2$s
            WHERE w.target = c.target AND w.source = c.source AND r.piece = c.piece AND floor(r.v) = c.k) x) AS vs
        FROM c WHERE EXISTS (SELECT FROM rk WHERE rk.target = c.target AND rk.source = c.source
                             AND rk.piece = c.piece AND (rk.lo BETWEEN c.before AND c.before + c.n - 1
                                                         OR rk.hi BETWEEN c.before AND c.before + c.n - 1)))
      , at AS (
        SELECT rk.*, (SELECT bv.vs[rk.lo - bv.before + 1] FROM bv WHERE bv.target = rk.target AND bv.source = rk.source
                        AND bv.piece = rk.piece AND rk.lo >= bv.before AND rk.lo < bv.before + cardinality(bv.vs)) AS lv,
                     (SELECT bv.vs[rk.hi - bv.before + 1] FROM bv WHERE bv.target = rk.target AND bv.source = rk.source
                        AND bv.piece = rk.piece AND rk.hi >= bv.before AND rk.hi < bv.before + cardinality(bv.vs)) AS hv
        FROM rk)
      SELECT w.target, w.source, b.piece, b.pcts AS p FROM w%1$s WHERE w.alone
      UNION ALL
      SELECT at.target, at.source, at.piece,
             array_agg(CASE WHEN at.hi > at.lo THEN at.lv + (at.proportion * (at.hv - at.lv)) ELSE at.lv END
                       ORDER BY at.i)
      FROM at GROUP BY at.target, at.source, at.piece""".formatted(stored("indicator_measure"), RAW);
  private static final String PENDING = "SELECT DISTINCT source, day FROM indicator_change"
      + " WHERE territory_id = ANY ($1) AND day BETWEEN $2 AND $3";
  /** A year's measured values sorted in memory (some 300,000 doubles), not in temporary files. */
  private static final String SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;"
      + " SET LOCAL work_mem = '64MB'";

  /** The figures of the rolled-up sources over the range, per period and in total. */
  public Future<List<SourceFigures>> read(Pool pool, Params params) {
    return pool.withTransaction(tx -> read(tx, params));
  }

  /**
   * The same read on one given connection, in a transaction rolled back after it (start-up warm-up, decision 0036:
   * every statement of a report prepared and planned on each connection of the pool).
   */
  public Future<List<SourceFigures>> readRolledBack(SqlConnection connection, Params params) {
    return connection.begin().compose(tx -> read(connection, params).eventually(tx::rollback));
  }

  private static Future<List<SourceFigures>> read(SqlClient tx, Params params) {
    LocalDate first = DayTallies.day(params.from());
    LocalDate last = DayTallies.day(params.to().minusNanos(1));
    String[] territories = params.territories().toArray(String[]::new);
    return tx.query(SNAPSHOT).execute()
        .compose(v -> tx.preparedQuery(PENDING).execute(Tuple.of(territories, first, last)))
        .compose(pending -> {
          Map<String, Set<LocalDate>> raw = rawDays(pending, params, first, last);
          List<Future<Map<LocalDate, Tally>>> computed = DayTallies.STATEMENTS.stream()
              .map(s -> DayTallies.compute(tx, s, params, raw.get(s.source().name()))).toList();
          return Future.all(computed).compose(all -> {
            BlockPlan plan = new BlockPlan(territories.length == 1);
            BlockRows rows = new BlockRows();
            for (int i = 0; i < computed.size(); i++) {
              String source = DayTallies.STATEMENTS.get(i).source().name();
              plan.add(source, first, last, params.granularity(), raw.get(source));
              computed.get(i).result().forEach((day, tally) -> rows.add(source, day, tally));
            }
            return merge(tx, territories, plan, rows);
          });
        });
  }

  /**
   * One batch of every queued change, the agenda's future days included (a bulk load rolled up once); how many
   * changes it consumed (0: the blocks are up to date).
   */
  public Future<Integer> refresh(Pool pool) {
    return BlockWriter.refresh(pool, Long.MAX_VALUE, BlockWriter.DEFER_NOTHING);
  }

  /**
   * One batch of the changes queued up to {@code upTo} (a {@link #lastChange}); how many it consumed. The agenda's
   * changes of days from {@code today} on stay queued until their day has passed (decision 0037): reports read those
   * days from the records, and a slot booked for next week would otherwise have its whole day rewritten at every round.
   */
  public Future<Integer> refresh(Pool pool, long upTo, LocalDate today) {
    return BlockWriter.refresh(pool, upTo, today);
  }

  /** The id of the last change queued so far (0 when none ever was). */
  public Future<Long> lastChange(Pool pool) {
    return pool.query("SELECT coalesce(max(id), 0) AS last FROM indicator_change").execute()
        .map(rows -> rows.iterator().next().getLong("last"));
  }

  /**
   * The three statements a report runs when every block is stored (no day read from the records), values written
   * in: what scripts/bench-indicators.sh runs through JDBC as the ceiling of a report.
   */
  public static List<String> blockStatements(Params params) {
    BlockPlan plan = new BlockPlan(params.territories().size() == 1);
    for (Statements s : DayTallies.STATEMENTS) {
      plan.add(s.source().name(), DayTallies.day(params.from()), DayTallies.day(params.to().minusNanos(1)),
          params.granularity(), Set.of());
    }
    Object[] blocks = plan.arrays(params.territories().toArray(String[]::new));
    BlockRows none = new BlockRows();
    return List.of(inline(COUNTS, none.counts(blocks)), inline(MEMBERS, none.members(blocks)),
        inline(MEASURES, none.values(blocks).addValue(RollupCatalog.QUANTILES.toArray(Double[]::new))));
  }

  private static String inline(String sql, Tuple values) {
    return java.util.regex.Pattern.compile("\\$(\\d+)").matcher(sql).replaceAll(m -> {
      Object[] array = (Object[]) values.getValue(Integer.parseInt(m.group(1)) - 1);
      String type = switch (array.getClass().getComponentType().getSimpleName()) {
        case "LocalDate" -> "date";
        case "Long" -> "int8";
        case "Double" -> "float8";
        case "Boolean" -> "bool";
        default -> "text";
      };
      return java.util.regex.Matcher.quoteReplacement(java.util.Arrays.stream(array)
          .map(o -> "\"" + o.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "''") + "\"")
          .collect(java.util.stream.Collectors.joining(",", "'{", "}'::" + type + "[]")));
    });
  }

  /** Per source, the days read from the records: pending, the partial first and last day, the agenda from today. */
  private static Map<String, Set<LocalDate>> rawDays(RowSet<Row> pending, Params params, LocalDate first,
                                                     LocalDate last) {
    LocalDate today = DayTallies.day(params.now());
    Map<String, Set<LocalDate>> raw = new HashMap<>();
    for (Statements s : DayTallies.STATEMENTS) {
      Set<LocalDate> days = new TreeSet<>();
      for (Row row : pending) {
        if (row.getString("source").equals(s.source().name())) {
          days.add(row.getLocalDate("day"));
        }
      }
      if (!DayTallies.instant(first).equals(params.from())) {
        days.add(first);
      }
      if (!DayTallies.instant(last.plusDays(1)).equals(params.to())) {
        days.add(last);
      }
      if (s.source() == FigureCatalog.AGENDA) {
        for (LocalDate d = today.isAfter(first) ? today : first; !d.isAfter(last); d = d.plusDays(1)) {
          days.add(d);
        }
      }
      raw.put(s.source().name(), days);
    }
    return raw;
  }

  /** The three merging statements, and each source's figures per period and in total from what they add up to. */
  private static Future<List<SourceFigures>> merge(SqlClient tx, String[] territories, BlockPlan plan,
                                                   BlockRows rows) {
    Object[] blocks = plan.arrays(territories);
    Future<RowSet<Row>> counts = tx.preparedQuery(COUNTS).execute(rows.counts(blocks));
    Future<RowSet<Row>> members = tx.preparedQuery(MEMBERS).execute(rows.members(blocks));
    Future<RowSet<Row>> measures = tx.preparedQuery(MEASURES)
        .execute(rows.values(blocks).addValue(RollupCatalog.QUANTILES.toArray(Double[]::new)));
    return Future.all(counts, members, measures).map(v -> {
      Map<String, Map<LocalDate, Merged>> merged = new HashMap<>();
      for (Row row : counts.result()) {
        Merged m = merged(merged, row);
        String piece = row.getString("piece");
        String key = row.getString("key");
        if (piece.startsWith("k")) {
          m.keyed().computeIfAbsent(piece, p -> new HashMap<>()).put(key, row.getLong("n"));
        } else if (piece.startsWith("d")) {
          m.distinct().put(piece, row.getLong("n"));
        } else {
          m.sums().put(piece, row.getLong("n"));
        }
      }
      for (Row row : members.result()) {
        merged(merged, row).distinct().put(row.getString("piece"), row.getLong("n"));
      }
      for (Row row : measures.result()) {
        Double[] p = row.getArrayOfDoubles("p");
        if (p == null) {
          continue;
        }
        double[] at = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          at[i] = p[i];
        }
        merged(merged, row).percentiles().put(row.getString("piece"), at);
      }
      List<SourceFigures> figures = new ArrayList<>();
      for (Statements s : DayTallies.STATEMENTS) {
        Map<LocalDate, Merged> targets = merged.getOrDefault(s.source().name(), Map.of());
        Map<LocalDate, Map<String, FigureValue>> byPeriod = new HashMap<>();
        targets.forEach((target, m) -> {
          if (!target.equals(BlockPlan.TOTAL)) {
            byPeriod.put(target, RollupCatalog.figures(s.source(), m));
          }
        });
        figures.add(new SourceFigures(IndicatorStore.Kind.FLOW, byPeriod, RollupCatalog.figures(s.source(),
            targets.getOrDefault(BlockPlan.TOTAL, Merged.empty()))));
      }
      return figures;
    });
  }

  private static Merged merged(Map<String, Map<LocalDate, Merged>> merged, Row row) {
    return merged.computeIfAbsent(row.getString("source"), s -> new HashMap<>())
        .computeIfAbsent(row.getLocalDate("target"), t -> Merged.empty());
  }
}
