package fr.aiguillage.ops;

import fr.aiguillage.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Health for people and orchestrators, outside the API contract and without a session:
 * {@code /health} (200 while the database answers, 503 otherwise, each part named), {@code /health/live} (the
 * process serves HTTP; no database call, so a database outage never gets the service killed) and
 * {@code /health/ready} (200 only when database, migrations and event relay are all up).
 */
final class HealthRoutes {

  record Live(String status) {
  }

  private final HealthChecks checks;

  HealthRoutes(HealthChecks checks) {
    this.checks = checks;
  }

  void mount(Router router) {
    router.get("/health").handler(this::health);
    router.get("/health/live").handler(this::live);
    router.get("/health/ready").handler(this::ready);
  }

  private void health(RoutingContext ctx) {
    checks.check().onSuccess(health -> send(ctx, HealthChecks.UP.equals(health.status()) ? 200 : 503, health));
  }

  private void live(RoutingContext ctx) {
    send(ctx, 200, new Live(HealthChecks.UP));
  }

  private void ready(RoutingContext ctx) {
    checks.check().onSuccess(health -> send(ctx, health.ready() ? 200 : 503, health));
  }

  private static void send(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(Json.encode(body));
  }
}
