package fr.aiguillage.ops;

import fr.aiguillage.booking.BookingMeter;
import fr.aiguillage.db.DbSettings;
import fr.aiguillage.db.Migrations;
import fr.aiguillage.events.EventRelay;
import fr.aiguillage.notify.model.QueuedNotifications;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Wires health and metrics from the shared parts: hands booking its meter and the relay its lag timer, then,
 * once the relay exists, mounts {@code /health*} and {@code /metrics}. Settings: the {@code metrics} section.
 */
public final class OpsModule {

  private final Vertx vertx;
  private final Pool pool;
  private final DbSettings db;
  private final MetricsSettings settings;
  private final PrometheusMeterRegistry registry;
  private final AtomicLong pendingNotifications = new AtomicLong();
  private final AtomicLong dueNotifications = new AtomicLong();
  private HealthRoutes health;
  private MetricsRoutes metrics;
  private volatile Future<String> latestMigration;

  public OpsModule(Vertx vertx, Pool pool, DbSettings db, JsonObject metricsSection) {
    this.vertx = vertx;
    this.pool = pool;
    this.db = db;
    this.settings = MetricsSettings.from(metricsSection);
    this.registry = Observability.registryOf(vertx);
  }

  /** Counts committed bookings and refused slots, by conflict code. */
  public BookingMeter bookings() {
    Counter booked = Counter.builder("aiguillage.bookings").description("appointments booked").register(registry);
    return new BookingMeter() {
      @Override
      public void booked() {
        booked.increment();
      }

      @Override
      public void conflicted(String code) {
        Counter.builder("aiguillage.booking.conflicts").description("bookings refused because of the slot's state")
            .tag("code", code).register(registry).increment();
      }
    };
  }

  /** How long after being written each event reached this instance's relay. */
  public Consumer<Duration> relayLag() {
    Timer lag = Timer.builder("aiguillage.events.relay.lag")
        .description("time from an event's commit to its relay on this instance").register(registry);
    return lag::record;
  }

  /**
   * Builds the routes and starts reading which migration this build ends with (Flyway, on a worker, not waited
   * for: readiness says UNKNOWN until then). {@code queued} counts the outbox's backlog.
   */
  public Future<Void> start(EventRelay relay, Supplier<Future<QueuedNotifications>> queued) {
    latestMigration();
    Gauge.builder("aiguillage.events.relay.listening", () -> relay.listening() ? 1 : 0)
        .description("1 while the event relay listens and has caught up").register(registry);
    Gauge.builder("aiguillage.notifications.queued", pendingNotifications, AtomicLong::get)
        .description("outbox rows not yet sent").tag("state", "pending").register(registry);
    Gauge.builder("aiguillage.notifications.queued", dueNotifications, AtomicLong::get)
        .description("outbox rows not yet sent").tag("state", "due").register(registry);
    health = new HealthRoutes(new HealthChecks(pool, relay, this::latestMigration));
    metrics = new MetricsRoutes(new MetricsAccess(settings), registry, () -> queued.get()
        .timeout(2, TimeUnit.SECONDS)
        .map(this::remember));
    return Future.succeededFuture();
  }

  /** Read once it succeeds; read again after a failure (the database may have been away at the first try). */
  private Future<String> latestMigration() {
    Future<String> known = latestMigration;
    if (known == null || known.failed()) {
      known = vertx.executeBlocking(() -> Migrations.latestVersion(db));
      latestMigration = known;
    }
    return known;
  }

  private Void remember(QueuedNotifications queue) {
    pendingNotifications.set(queue.pending());
    dueNotifications.set(queue.due());
    return null;
  }

  public void mount(Router router) {
    health.mount(router);
    metrics.mount(router);
  }
}
