package fr.aiguillage.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Supplier;

/**
 * {@code GET /metrics}: this instance's series in the Prometheus text format, behind {@link MetricsAccess}.
 * Figures read from the database (the outbox's backlog) are refreshed just before each scrape; if the database
 * does not answer, the last known values are served with the rest.
 */
final class MetricsRoutes {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final MetricsAccess access;
  private final PrometheusMeterRegistry registry;
  private final Supplier<Future<Void>> refresh;

  MetricsRoutes(MetricsAccess access, PrometheusMeterRegistry registry, Supplier<Future<Void>> refresh) {
    this.access = access;
    this.registry = registry;
    this.refresh = refresh;
  }

  void mount(Router router) {
    router.get("/metrics").handler(access).handler(this::scrape);
  }

  private void scrape(RoutingContext ctx) {
    refresh.get().recover(e -> Future.succeededFuture())
        .onComplete(done -> ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT)
            .putHeader("Cache-Control", "no-store")
            .end(registry.scrape()));
  }
}
