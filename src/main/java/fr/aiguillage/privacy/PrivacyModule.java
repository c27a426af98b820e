package fr.aiguillage.privacy;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.privacy.http.PrivacyRoutes;
import fr.aiguillage.security.AuditTrail;
import io.vertx.core.Vertx;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Builds the privacy module from the shared parts: its routes, and the daily retention timer. */
public final class PrivacyModule {

  private static final Logger LOG = LoggerFactory.getLogger(PrivacyModule.class);
  /** The first run waits a little after start, so a start is never slowed by it. */
  private static final long FIRST_RUN_DELAY_MS = TimeUnit.MINUTES.toMillis(5);

  private final Retention retention;
  private final PrivacyRoutes routes;
  private final boolean scheduled;

  public PrivacyModule(Pool pool, Clock clock, AuditTrail audit, PatientService patients, AppConfig config) {
    this.retention = new Retention(pool, clock, audit, config.retention());
    this.scheduled = config.retention().scheduled();
    this.routes = new PrivacyRoutes(retention, new PatientRights(pool, clock, audit, patients),
        new AuditVerification(pool, audit));
  }

  public Consumer<RouterBuilder> routes() {
    return routes::mount;
  }

  /** Daily; idempotent and safe with other instances doing the same (see {@link Retention}). */
  public void scheduleRetention(Vertx vertx) {
    if (!scheduled) {
      return;
    }
    vertx.setPeriodic(FIRST_RUN_DELAY_MS, TimeUnit.DAYS.toMillis(1), id -> retention.run()
        .onFailure(e -> LOG.error("Retention run failed: {}", e.getMessage())));
  }
}
