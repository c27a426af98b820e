package fr.aiguillage.indicators.store;

import fr.aiguillage.indicators.model.Granularity;
import fr.aiguillage.indicators.store.DayTallies.Statements;
import fr.aiguillage.indicators.store.IndicatorStore.Params;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The refresher's side of the blocks (docs/decisions/0019): takes a batch of pending changes, recomputes their
 * (territory, day) blocks from the records, then rebuilds the month blocks of those days from the day blocks, all
 * in one transaction under an advisory lock (two refreshers never interleave, a month is never older than its days).
 * A measure block keeps its values sorted, with its unit buckets' counts and offsets (V31, docs/decisions/0030).
 */
final class BlockWriter {

  private static final int BATCH = 20_000;
  /** Stored agenda days are past days: every slot of them has started. */
  private static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");
  private static final List<String> TABLES = List.of("indicator_count", "indicator_member", "indicator_measure");
  private static final String MONTH = "(date_trunc('month', day::timestamp))::date";
  /** $1 source, $2 territories, $3 first days of the months, $4 first day, $5 day after the last. */
  private static final String OF_MONTHS = " WHERE source = $1 AND territory_id = ANY ($2) AND grain = 'd'"
      + " AND day >= $4 AND day < $5 AND " + MONTH + " = ANY ($3)";
  /** A block's own distinct counts (pieces d…, key ''), from its members. */
  private static final String DISTINCT = """
      INSERT INTO indicator_count (source, territory_id, grain, day, piece, key, n)
      SELECT source, territory_id, grain, day, piece, '', count(*) FROM indicator_member
      WHERE source = $1 AND territory_id = ANY ($2) AND grain = '%s' AND day = ANY ($3)
      GROUP BY source, territory_id, grain, day, piece""";
  private static final List<String> MONTHS = List.of("""
      INSERT INTO indicator_count (source, territory_id, grain, day, piece, key, n)
      SELECT source, territory_id, 'm', %1$s, piece, key, sum(n) FROM indicator_count%2$s AND piece NOT LIKE 'd%%'
      GROUP BY source, territory_id, %1$s, piece, key""", """
      INSERT INTO indicator_member (source, territory_id, grain, day, piece, member)
      SELECT DISTINCT source, territory_id, 'm', %1$s, piece, member FROM indicator_member%2$s""", """
      INSERT INTO indicator_measure (source, territory_id, grain, day, piece, vals, pcts, bk, bn, bo)
      SELECT x.source, x.territory_id, 'm', x.month, x.piece, x.vals, x.pcts, h.bk, h.bn, h.bo FROM (
        SELECT source, territory_id, %1$s AS month, piece, array_agg(v ORDER BY v) AS vals,
               percentile_cont($6::float8[]) WITHIN GROUP (ORDER BY v) AS pcts
        FROM indicator_measure, unnest(vals) AS v%2$s
        GROUP BY source, territory_id, %1$s, piece) x, indicator_buckets(x.vals) h""").stream().map(sql -> sql.formatted(MONTH, OF_MONTHS)).toList();
  private static final Double[] QUANTILES = RollupCatalog.QUANTILES.toArray(Double[]::new);

  private BlockWriter() {
  }

  /** A "today" after every day: no change is left queued. */
  static final LocalDate DEFER_NOTHING = LocalDate.of(9999, 12, 31);
  private static final String AGENDA = "'" + FigureCatalog.AGENDA.name() + "'";
  /**
   * A deferred day needs one queued change, not one per booking of the week: the later ones go ($1 up to, $2 today).
   */
  private static final String COMPACT = "DELETE FROM indicator_change c WHERE c.id <= $1 AND c.source = " + AGENDA
      + " AND c.day >= $2 AND EXISTS (SELECT 1 FROM indicator_change o WHERE o.source = c.source"
      + " AND o.territory_id = c.territory_id AND o.day = c.day AND o.id < c.id)";
  /** The changes to consume, but the agenda's from $3 (today) on, left queued until their day has passed. */
  private static final String CONSUME = "DELETE FROM indicator_change WHERE id IN (SELECT id FROM indicator_change"
      + " WHERE id <= $2 AND NOT (source = " + AGENDA + " AND day >= $3) ORDER BY id LIMIT $1)"
      + " RETURNING source, territory_id, day";

  /**
   * One batch of the changes up to {@code upTo}, but the agenda's from {@code today} on; how many it consumed (0: none
   * left up to there).
   */
  static Future<Integer> refresh(Pool pool, long upTo, LocalDate today) {
    return pool.withTransaction(tx -> tx.query("SELECT pg_advisory_xact_lock(hashtext('indicator_rollup'))").execute()
        .compose(v -> tx.preparedQuery(COMPACT).execute(Tuple.of(upTo, today)))
        .compose(v -> tx.preparedQuery(CONSUME).execute(Tuple.of(BATCH, upTo, today)))
        .compose(changes -> {
          Future<Void> chain = Future.succeededFuture();
          for (Statements s : DayTallies.STATEMENTS) {
            Set<String> territories = new TreeSet<>();
            TreeSet<LocalDate> days = new TreeSet<>();
            for (Row row : changes) {
              if (row.getString("source").equals(s.source().name())) {
                territories.add(row.getString("territory_id"));
                days.add(row.getLocalDate("day"));
              }
            }
            if (!days.isEmpty()) {
              // One day per step: a backlog (a bulk load, a restore, a long stop) spanning a year would otherwise be
              // tallied in one piece on the event loop, holding it for seconds (decision 0029).
              for (LocalDate day : days) {
                chain = chain.compose(v -> rewriteDays(tx, s, territories, new TreeSet<>(Set.of(day))));
              }
              chain = chain.compose(v -> rewriteMonths(tx, s.source().name(), territories, days));
            }
          }
          return chain.map(changes.rowCount());
        }));
  }

  /** Every (territory, day) of these territories and days, recomputed from the records. */
  private static Future<Void> rewriteDays(SqlClient tx, Statements s, Set<String> territories,
                                          TreeSet<LocalDate> days) {
    Params params = new Params(List.copyOf(territories), DayTallies.instant(days.first()),
        DayTallies.instant(days.last().plusDays(1)), Granularity.DAY, NEVER);
    String source = s.source().name();
    return DayTallies.byTerritory(tx, s, params, days).compose(tallies -> {
      BlockRows rows = new BlockRows();
      tallies.forEach((key, tally) -> rows.add(key.territory(), key.day(), tally));
      Tuple which = Tuple.of(source, territories.toArray(String[]::new), days.toArray(LocalDate[]::new));
      Future<Void> chain = Future.succeededFuture();
      for (String table : TABLES) {
        chain = chain.compose(v -> tx.preparedQuery("DELETE FROM " + table
            + " WHERE source = $1 AND territory_id = ANY ($2) AND grain = 'd' AND day = ANY ($3)").execute(which)
            .mapEmpty());
      }
      return chain
          .compose(v -> tx.preparedQuery("""
              INSERT INTO indicator_count (source, territory_id, grain, day, piece, key, n)
              SELECT $1, u.t, 'd', u.d, u.p, u.k, u.n
              FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::int8[]) AS u (t, d, p, k, n)""")
              .execute(rows.counts(source)))
          .compose(v -> tx.preparedQuery("""
              INSERT INTO indicator_member (source, territory_id, grain, day, piece, member)
              SELECT $1, u.t, 'd', u.d, u.p, u.m FROM unnest($2::text[], $3::date[], $4::text[], $5::text[])
                AS u (t, d, p, m)""").execute(rows.members(source)))
          .compose(v -> tx.preparedQuery(DISTINCT.formatted("d")).execute(which))
          .compose(v -> tx.preparedQuery("""
              INSERT INTO indicator_measure (source, territory_id, grain, day, piece, vals, pcts, bk, bn, bo)
              SELECT $1, x.t, 'd', x.d, x.p, x.vals, x.pcts, h.bk, h.bn, h.bo FROM (
                SELECT u.t, u.d, u.p, array_agg(u.v ORDER BY u.v) AS vals,
                       percentile_cont($6::float8[]) WITHIN GROUP (ORDER BY u.v) AS pcts
                FROM unnest($2::text[], $3::date[], $4::text[], $5::float8[]) AS u (t, d, p, v)
                GROUP BY u.t, u.d, u.p) x, indicator_buckets(x.vals) h""").execute(rows.values(source).addValue(QUANTILES)))
          .mapEmpty();
    });
  }

  /** The month blocks of these days, rebuilt from their day blocks (sums, union of members, all values). */
  private static Future<Void> rewriteMonths(SqlClient tx, String source, Set<String> territories,
                                            TreeSet<LocalDate> days) {
    LocalDate[] months = days.stream().map(d -> d.withDayOfMonth(1)).distinct().toArray(LocalDate[]::new);
    Tuple which = Tuple.of(source, territories.toArray(String[]::new), months);
    Object[] span = {source, territories.toArray(String[]::new), months, months[0],
        months[months.length - 1].plusMonths(1), QUANTILES};
    Future<Void> chain = Future.succeededFuture();
    for (String table : TABLES) {
      chain = chain.compose(v -> tx.preparedQuery("DELETE FROM " + table
          + " WHERE source = $1 AND territory_id = ANY ($2) AND grain = 'm' AND day = ANY ($3)").execute(which)
          .mapEmpty());
    }
    for (String sql : MONTHS) {
      Tuple values = Tuple.from(java.util.Arrays.copyOf(span, sql.contains("$6") ? 6 : 5));
      chain = chain.compose(v -> tx.preparedQuery(sql).execute(values).mapEmpty());
    }
    return chain.compose(v -> tx.preparedQuery(DISTINCT.formatted("m")).execute(which)).mapEmpty();
  }
}
