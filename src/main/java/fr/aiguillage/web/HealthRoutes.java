package fr.aiguillage.web;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.util.concurrent.TimeUnit;

/** {@code GET /health}: UP when the database answers within two seconds, 503 otherwise. */
final class HealthRoutes {

  record Health(String status, String database) {
  }

  private final Pool pool;

  HealthRoutes(Pool pool) {
    this.pool = pool;
  }

  void mount(Router router) {
    router.get("/health").handler(this::health);
  }

  private void health(RoutingContext ctx) {
    pool.query("SELECT 1").execute()
        .timeout(2, TimeUnit.SECONDS)
        .map(rows -> true)
        .recover(e -> Future.succeededFuture(false))
        .onSuccess(up -> Responses.send(ctx, up ? 200 : 503, up ? new Health("UP", "UP") : new Health("DOWN", "DOWN")));
  }
}
