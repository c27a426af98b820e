package fr.aiguillage.bench;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What PostgreSQL did during a phase of a benchmark, per request (scripts/bench-activity.sql: index scans per
 * index, sequential scans, rows inserted and updated per table, transactions), so the statements one HTTP request
 * issues can be set beside those pgbench replays (bench-booking.sh prints the same for its pgbench phases). The
 * embedded PostgreSQL has no pg_stat_statements library, hence these counters.
 */
final class Statements {

  private static final Path SQL = Path.of("scripts/bench-activity.sql");

  private Statements() {
  }

  static Map<String, Long> counters(Pool pool) throws Exception {
    Thread.sleep(1_500); // the statistics of other sessions are flushed at most once a second
    Map<String, Long> counters = new TreeMap<>();
    for (Row r : pool.query(Files.readString(SQL)).execute().await(1, TimeUnit.MINUTES)) {
      counters.put(r.getString("counter"), r.getLong("n"));
    }
    return counters;
  }

  /** Prints (and writes to {@code file}) each counter's change since {@code before}, per request. */
  static void report(Pool pool, Map<String, Long> before, String phase, int requests, Path file) throws Exception {
    Map<String, Long> after = counters(pool);
    List<String> lines = new ArrayList<>();
    lines.add(String.format("what PostgreSQL did during %s, per request (%d requests):", phase, requests));
    after.forEach((counter, n) -> {
      double perRequest = (n - before.getOrDefault(counter, 0L)) / (double) requests;
      if (perRequest >= 0.005) {
        lines.add(String.format("  %8.3f  %s", perRequest, counter));
      }
    });
    Files.write(file, lines);
    lines.forEach(System.out::println);
  }
}
