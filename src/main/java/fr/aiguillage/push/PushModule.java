package fr.aiguillage.push;

import fr.aiguillage.agenda.SlotAtTime;
import fr.aiguillage.agenda.SlotClaims;
import fr.aiguillage.agenda.SlotSearch;
import fr.aiguillage.booking.AppointmentNotices;
import fr.aiguillage.booking.BookForRequest;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.notify.DirectOutbox;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.push.http.PushRoutes;
import fr.aiguillage.push.http.PushStream;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.triage.TriageService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The push requests' wiring: sending, the senders' and recipients' acts, the acceptance (through the agenda's
 * {@link SlotAtTime} and booking's {@link BookForRequest}), the ring job and the links' messages (queued in, and sent
 * by, notify's {@link DirectOutbox}); its routes. The job runs every {@code push.jobSeconds} and on a message to
 * {@link #TICK_ADDRESS} (answered with the requests moved on).
 */
public final class PushModule {

  /** Event bus address: one run of the ring job and of the message sender (tests drive the clock with it). */
  public static final String TICK_ADDRESS = "aiguillage.push.tick";
  private static final Logger LOG = LoggerFactory.getLogger(PushModule.class);

  private final Vertx vertx;
  private final PushSettings settings;
  private final PushRoutes routes;
  private final PushJob job;
  private final DirectOutbox outbox;

  public PushModule(Vertx vertx, Pool pool, Clock clock, AuditTrail audit, EventLog events, AppConfig config,
                    Parts parts) {
    this.vertx = vertx;
    this.settings = PushSettings.from(config.section("push"), config.ical().publicBaseUrl());
    PushViews views = new PushViews(parts.territories());
    Rings rings = new Rings(settings, new PushLinks(settings.publicBaseUrl()), events, parts.outbox());
    RecipientActions recipients = new RecipientActions(pool, clock, audit, events, parts.professionals(), views);
    AcceptPushRequest accepts = new AcceptPushRequest(pool, clock, audit, events, parts.patients(), recipients, views,
        new SlotAtTime(), new BookForRequest(audit, events, parts.claims(), parts.notices()), settings);
    this.routes = new PushRoutes(new SendPushRequest(pool, clock, audit, events, parts.triage(), parts.patients(),
        parts.territories(), parts.professionals(), rings, views),
        new SenderActions(pool, clock, audit, events, rings, views), recipients, accepts,
        new ProSettingsService(pool, clock, audit, parts.professionals()),
        new PushStream(vertx, events, clock, Duration.ofSeconds(config.callStreamHeartbeatSeconds())));
    this.job = new PushJob(pool, clock, events, rings, views, parts.search());
    this.outbox = parts.outbox();
  }

  /** The shared parts this module uses. */
  public record Parts(TerritoryService territories, ProfessionalService professionals, PatientService patients,
                      TriageService triage, SlotSearch search, SlotClaims claims, AppointmentNotices notices,
                      DirectOutbox outbox) {
  }

  public PushRoutes routes() {
    return routes;
  }

  /** Schedules the job; the first run comes after one period. */
  public void start() {
    long period = Duration.ofSeconds(Math.max(1, settings.jobSeconds())).toMillis();
    vertx.setPeriodic(period, period, id -> tick()
        .onFailure(e -> LOG.error("Push job failed: {}", e.getClass().getSimpleName())));
    vertx.eventBus().consumer(TICK_ADDRESS, message -> tick()
        .onSuccess(message::reply).onFailure(e -> message.fail(500, e.getClass().getSimpleName())));
  }

  private Future<Integer> tick() {
    return job.runOnce().compose(moved -> outbox.runOnce().map(moved));
  }
}
