package fr.aiguillage.fhir;

import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.fhir.http.BookingLinkRoutes;
import fr.aiguillage.fhir.http.FhirRoutes;
import fr.aiguillage.fhir.resource.Resources;
import fr.aiguillage.security.AuditTrail;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Wires the SAS interface from the shared parts: the booking-address route on the console's router, and (when
 * {@code fhir.port} is set) the FHIR listener with client certificates required.
 */
public final class FhirModule {

  private static final Logger LOG = LoggerFactory.getLogger(FhirModule.class);

  private final AppConfig.Fhir settings;
  private final Resources resources;
  private final SasSlots sas;
  private final AuditTrail audit;
  private final Clock clock;
  private HttpServer server;

  public FhirModule(AppConfig config, Clock clock, AuditTrail audit, TerritoryService territories,
                    ProfessionalService professionals, SlotService slots) {
    this.settings = config.fhir();
    this.clock = clock;
    this.audit = audit;
    this.resources = new Resources(settings.consoleBaseUrl());
    this.sas = new SasSlots(slots, professionals, territories, SasTerritories.load(config.territoriesFile()), clock);
  }

  /** For the console's router (a plain route: it needs no session and shows nothing). */
  /** The rota's duties in the SAS's slot search ({@link SasDuties#NONE} unless {@code rota.showDutiesToSas}). */
  public void showDuties(SasDuties duties) {
    sas.showDuties(duties);
  }

  public void mountBookingLink(Router router) {
    new BookingLinkRoutes().mount(router);
  }

  /** Starts the FHIR listener if configured; off (and nothing to stop) otherwise. */
  public Future<Void> start(Vertx vertx) {
    if (!settings.enabled()) {
      return Future.succeededFuture();
    }
    String base = base();
    Router router = new FhirRoutes(sas, resources, base, required(settings.allowedSubjects(), "ALLOWED_SUBJECTS"),
        audit, OffsetDateTime.now(clock)).router(vertx);
    return vertx.createHttpServer(options()).requestHandler(router).listen(settings.port())
        .onSuccess(s -> server = s)
        .onSuccess(s -> LOG.info("SAS FHIR interface listening on port {} (client certificates required), base {}",
            s.actualPort(), base))
        .mapEmpty();
  }

  private HttpServerOptions options() {
    return new HttpServerOptions().setSsl(true).setClientAuth(ClientAuth.REQUIRED)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(file(settings.certFile(), "CERT_FILE"))
            .setKeyPath(file(settings.keyFile(), "KEY_FILE")))
        .setTrustOptions(new PemTrustOptions().addCertPath(file(settings.trustFile(), "TRUST_FILE")))
        .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
  }

  /** {@code fhir.publicBaseUrl}, ending with /fhir/r4 whether or not it was written; the local address if unset. */
  private String base() {
    String configured = settings.publicBaseUrl() == null ? "" : settings.publicBaseUrl().trim();
    String base = configured.isEmpty() ? "https://localhost:" + settings.port() : configured;
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return base.endsWith(FhirRoutes.ROOT) ? base : base + FhirRoutes.ROOT;
  }

  private static String file(String path, String name) {
    String p = required(path, name);
    if (!Path.of(p).toFile().isFile()) {
      throw new IllegalArgumentException("AIGUILLAGE_FHIR_" + name + ": no such file " + p);
    }
    return p;
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The FHIR listener is on (AIGUILLAGE_FHIR_PORT) but AIGUILLAGE_FHIR_" + name
          + " is not set");
    }
    return value;
  }

  public int actualPort() {
    return server == null ? 0 : server.actualPort();
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
