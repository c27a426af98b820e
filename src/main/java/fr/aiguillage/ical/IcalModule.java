package fr.aiguillage.ical;

import fr.aiguillage.agenda.AgendaAccess;
import fr.aiguillage.agenda.SlotImports;
import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.booking.AppointmentService;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.ical.http.CalendarRoutes;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.security.AuditTrail;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The calendars' wiring: the professionals' private feeds, availability imports and subscriptions, their routes, and
 * the periodic fetch of subscribed calendars.
 */
public final class IcalModule {

  private static final Logger LOG = LoggerFactory.getLogger(IcalModule.class);

  private final AppConfig.Ical settings;
  private final FeedService feeds;
  private final Subscriptions subscriptions;
  private final CalendarRoutes routes;

  public IcalModule(Vertx vertx, Pool pool, Clock clock, AuditTrail audit, AppConfig config, AgendaAccess agendaAccess,
                    SlotService slots, AppointmentService appointments, PatientService patients,
                    ProfessionalService professionals) {
    this.settings = config.ical();
    AvailabilityImport imports = new AvailabilityImport(vertx, clock, audit, agendaAccess,
        new SlotImports(pool, clock), config.agendaHorizonDays());
    this.subscriptions = new Subscriptions(vertx, pool, clock, audit, agendaAccess, imports,
        settings.importMaxBytes(), Duration.ofSeconds(settings.fetchTimeoutSeconds()), settings.subscriptionHttpHosts());
    this.feeds = new FeedService(vertx, pool, clock, audit, appointments, slots, patients, professionals,
        config.agendaHorizonDays(), settings.requestsPerMinute());
    this.routes = new CalendarRoutes(new FeedAccess(pool, clock, audit, agendaAccess, settings.publicBaseUrl()),
        feeds, imports, subscriptions, settings.importMaxBytes());
  }

  public FeedService feeds() {
    return feeds;
  }

  public CalendarRoutes routes() {
    return routes;
  }

  /** Fetches subscribed calendars every {@code ical.subscriptionMinutes}; a failure is recorded, never fatal. */
  public void start(Vertx vertx) {
    long period = TimeUnit.MINUTES.toMillis(settings.subscriptionMinutes());
    vertx.setPeriodic(period, period, id -> subscriptions.refreshAll()
        .onFailure(e -> LOG.error("Calendar subscriptions failed: {}", e.getMessage())));
  }
}
