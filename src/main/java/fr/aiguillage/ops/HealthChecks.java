package fr.aiguillage.ops;

import fr.aiguillage.events.EventRelay;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The parts the service needs to serve: the database (answers within two seconds), its schema (this build's
 * latest migration recorded as applied) and the event relay (listening to the channel, caught up).
 */
final class HealthChecks {

  static final String UP = "UP";
  static final String DOWN = "DOWN";
  static final String UNKNOWN = "UNKNOWN";

  /** Each part's state; {@code status} is the database's, as {@code /health} always said. */
  record Health(String status, String database, String migrations, String events) {

    boolean ready() {
      return UP.equals(database) && UP.equals(migrations) && UP.equals(events);
    }
  }

  private final Pool pool;
  private final EventRelay relay;
  private final Supplier<Future<String>> latestMigration;

  /**
   * {@code latestMigration}: the version Flyway records for this build's last migration ("12.1" for V12_1), read
   * after start (off the startup path); until it is known, migrations are UNKNOWN and the service not ready.
   */
  HealthChecks(Pool pool, EventRelay relay, Supplier<Future<String>> latestMigration) {
    this.pool = pool;
    this.relay = relay;
    this.latestMigration = latestMigration;
  }

  private static String migrations(Future<String> latest, boolean migrated) {
    if (!latest.succeeded()) {
      return UNKNOWN;
    }
    return migrated ? UP : DOWN;
  }

  Future<Health> check() {
    String events = relay.listening() ? UP : DOWN;
    Future<String> latest = latestMigration.get();
    return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM flyway_schema_history WHERE version = $1 AND success)"
            + " AS migrated")
        .execute(Tuple.of(latest.succeeded() ? latest.result() : ""))
        .timeout(2, TimeUnit.SECONDS)
        .map(rows -> rows.iterator().next().getBoolean("migrated"))
        .map(migrated -> new Health(UP, UP, migrations(latest, migrated), events))
        .recover(e -> Future.succeededFuture(new Health(DOWN, DOWN, UNKNOWN, events)));
  }
}
