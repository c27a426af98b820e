package fr.aiguillage.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds the reactive connection pool. */
public final class Pools {

  /** How long a statement waits for a free connection before its request gets a 503. */
  static final long WAIT_MILLIS = 5_000;

  private Pools() {
  }

  public static Pool create(Vertx vertx, DbSettings db, int size) {
    return build(vertx, connectOptions(db), size, "aiguillage");
  }

  /**
   * Connections for the slot search alone. Its statements are planned once per connection and the plan
   * kept ({@code plan_cache_mode=force_generic_plan}): left to itself PostgreSQL re-plans them at every
   * call, which cost more than running them. Only statements written for a generic plan (no parameter
   * that changes the plan's shape, such as a LIMIT) may run on this pool.
   */
  public static Pool createForSearch(Vertx vertx, DbSettings db, int size) {
    PgConnectOptions connect = connectOptions(db);
    connect.addProperty("plan_cache_mode", "force_generic_plan");
    return build(vertx, connect, size, "aiguillage-search");
  }

  /**
   * Takes {@code size} connections of the pool at once (so each is a connection of its own, opened now if it was not
   * yet) and runs {@code work} on each, then gives them back: a start-up warm-up reaches every backend the first
   * requests may be given (decision 0036). A connection the pool could not give is skipped; never fails.
   */
  public static Future<Void> onEachConnection(Pool pool, int size, Function<SqlConnection, Future<?>> work) {
    List<Future<SqlConnection>> taken = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      taken.add(pool.getConnection());
    }
    return Future.join(taken)
        .transform(all -> Future.join(taken.stream().filter(Future::succeeded)
            .map(c -> work.apply(c.result())).toList()))
        .transform(done -> {
          taken.stream().filter(Future::succeeded).forEach(c -> c.result().close());
          return Future.<Void>succeededFuture();
        });
  }

  /** Where and how to connect, TLS included when the URL asks for it (docs/privacy.md, "Chiffrement"). */
  public static PgConnectOptions connectOptions(DbSettings db) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(db.host())
        .setPort(db.port())
        .setDatabase(db.database())
        .setUser(db.user())
        .setPassword(db.password())
        .setCachePreparedStatements(true)
        .setReconnectAttempts(0);
    if (db.sslMode() != null) {
      options.setSslMode(SslMode.of(db.sslMode()));
      ClientSSLOptions ssl = new ClientSSLOptions();
      if (db.sslRootCert() != null) {
        ssl.setTrustOptions(new PemTrustOptions().addCertPath(db.sslRootCert()));
      }
      if (options.getSslMode() == SslMode.VERIFY_FULL) {
        ssl.setHostnameVerificationAlgorithm("HTTPS");
      }
      options.setSslOptions(ssl);
    }
    return options;
  }

  /**
   * The pool's own wait timeout is off (0): it races when the pool serves several event loops (Vert.x SQL client
   * 5.0.7); {@link WaitDeadlinePool} bounds the wait for a connection instead (decision 0032).
   */
  private static Pool build(Vertx vertx, PgConnectOptions connect, int size, String name) {
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setConnectionTimeout(0).setName(name))
        .connectingTo(connect)
        .using(vertx)
        .build();
    return new WaitDeadlinePool(vertx, pool, WAIT_MILLIS);
  }
}
