package fr.aiguillage.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds the reactive connection pool. */
public final class Pools {

  private Pools() {
  }

  public static Pool create(Vertx vertx, DbSettings db, int size) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(db.host())
        .setPort(db.port())
        .setDatabase(db.database())
        .setUser(db.user())
        .setPassword(db.password())
        .setCachePreparedStatements(true)
        .setReconnectAttempts(0);
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setConnectionTimeout(5).setName("aiguillage"))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }
}
