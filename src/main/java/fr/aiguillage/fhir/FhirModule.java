package fr.aiguillage.fhir;

import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.fhir.http.BookingLinkRoutes;
import fr.aiguillage.fhir.http.FhirRoutes;
import fr.aiguillage.fhir.resource.Resources;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.web.BodyDeadline;
import fr.aiguillage.web.EventLoops;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Wires the SAS interface from the shared parts: the booking-address route on the console's router, and (when
 * {@code fhir.port} is set) the FHIR listener with client certificates required, on {@code fhir.eventLoops} event
 * loops (1 by default; 0: one per core) with the TLS engine of {@code fhir.sslEngine} ({@link FhirTls}, decision 0026).
 */
public final class FhirModule {

  private static final Logger LOG = LoggerFactory.getLogger(FhirModule.class);

  private final AppConfig.Fhir settings;
  private final JsonObject section;
  private final Resources resources;
  private final SasSlots sas;
  private final AuditTrail audit;
  private final Clock clock;
  private final BodyDeadline deadline;
  private final Queue<HttpServer> servers = new ConcurrentLinkedQueue<>();
  private EventLoops loops;

  public FhirModule(AppConfig config, Clock clock, AuditTrail audit, TerritoryService territories,
                    ProfessionalService professionals, SlotService slots, Pool searchPool) {
    this.settings = config.fhir();
    this.section = config.section("fhir");
    this.deadline = BodyDeadline.of(config.section("limits"));
    this.clock = clock;
    this.audit = audit;
    this.resources = new Resources(settings.consoleBaseUrl());
    this.sas = new SasSlots(searchPool, slots, professionals, territories, SasTerritories.load(config.territoriesFile()), clock);
  }

  /** The rota's duties in the SAS's slot search ({@link SasDuties#NONE} unless {@code rota.showDutiesToSas}). */
  public void showDuties(SasDuties duties) {
    sas.showDuties(duties);
  }

  /** For the console's router (a plain route: it needs no session and shows nothing). */
  public void mountBookingLink(Router router) {
    new BookingLinkRoutes().mount(router);
  }

  /**
   * Starts the FHIR listener if configured: on each event loop ({@link EventLoops}) a server with its own router over
   * the shared services (they hold no state of the event loop that made them); off (and nothing to stop) otherwise.
   */
  public Future<Void> start(Vertx vertx) {
    if (!settings.enabled()) {
      return Future.succeededFuture();
    }
    String base = base();
    String allowed = required(settings.allowedSubjects(), "ALLOWED_SUBJECTS");
    OffsetDateTime started = OffsetDateTime.now(clock);
    loops = new EventLoops(vertx, section.getInteger("eventLoops", 1), "AIGUILLAGE_FHIR_EVENT_LOOPS");
    HttpServerOptions options = FhirTls.options(settings, FhirTls.engine(section.getString("sslEngine")));
    int port = EventLoops.shared(settings.port(), 3);
    return loops.listen(() -> vertx.createHttpServer(new HttpServerOptions(options))
            .requestHandler(deadline.guard(new FhirRoutes(sas, resources, base, allowed, audit, started).router(vertx)))
            .listen(port).onSuccess(servers::add))
        .onSuccess(v -> LOG.info("SAS FHIR interface listening on port {} (client certificates required) on {}"
            + " event loop(s), base {}", actualPort(), loops.count(), base));
  }

  /** {@code fhir.publicBaseUrl}, ending with /fhir/r4 whether or not it was written; the local address if unset. */
  private String base() {
    String configured = settings.publicBaseUrl() == null ? "" : settings.publicBaseUrl().trim();
    String base = configured.isEmpty() ? "https://localhost:" + settings.port() : configured;
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return base.endsWith(FhirRoutes.ROOT) ? base : base + FhirRoutes.ROOT;
  }

  static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The FHIR listener is on (AIGUILLAGE_FHIR_PORT) but AIGUILLAGE_FHIR_" + name
          + " is not set");
    }
    return value;
  }

  public int actualPort() {
    HttpServer first = servers.peek();
    return first == null ? 0 : first.actualPort();
  }

  /** Undeploys the listener's instances, which closes their servers. */
  public Future<Void> stop() {
    return loops == null ? Future.succeededFuture() : loops.close().otherwiseEmpty();
  }
}
