package fr.aiguillage.fhir.http;

import fr.aiguillage.fhir.FhirFailure;
import fr.aiguillage.fhir.SasSlots;
import fr.aiguillage.fhir.model.SasPractitioner;
import fr.aiguillage.fhir.model.SlotSearchQuery;
import fr.aiguillage.fhir.resource.Capability;
import fr.aiguillage.fhir.resource.Resources;
import fr.aiguillage.fhir.resource.SearchBundle;
import fr.aiguillage.security.AuditTrail;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code /fhir/r4} on the SAS listener: the client's subject is checked first (403 OperationOutcome when not
 * listed), then {@code metadata}, the Slot search and the reads. Errors are OperationOutcomes, never problem+json.
 */
public final class FhirRoutes {

  public static final String ROOT = "/fhir/r4";
  private static final String FHIR_JSON = "application/fhir+json";
  private static final Pattern JSON_FORMAT = Pattern.compile(
      "(application/(fhir\\+json|json\\+fhir|json)|json|\\*/\\*|application/\\*)(\\s*;.*)?");

  private final SasSlots sas;
  private final Resources resources;
  private final SearchBundle bundles;
  private final ClientSubjects subjects;
  private final FhirExchange exchange;
  private final Buffer capability;

  public FhirRoutes(SasSlots sas, Resources resources, String base, String allowedSubjects, AuditTrail audit,
                    OffsetDateTime started) {
    this.sas = sas;
    this.resources = resources;
    this.bundles = new SearchBundle(resources, base);
    this.subjects = new ClientSubjects(allowedSubjects);
    this.exchange = new FhirExchange(audit);
    this.capability = Capability.statement(base, started).toBuffer();
  }

  public Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(this::checkSubject).handler(this::checkFormat);
    router.get(ROOT + "/metadata").handler(this::metadata);
    router.get(ROOT + "/Slot").handler(this::searchSlots);
    router.get(ROOT + "/Slot/:id").handler(this::readSlot);
    router.get(ROOT + "/Schedule/:id").handler(this::readSchedule);
    router.get(ROOT + "/Practitioner/:id").handler(this::readPractitioner);
    router.route().failureHandler(exchange);
    router.errorHandler(404, exchange);
    router.errorHandler(405, exchange);
    return router;
  }

  private void metadata(RoutingContext ctx) {
    FhirExchange.names(ctx, "fhir.metadata", "fhir", null);
    exchange.reply(ctx, io.vertx.core.Future.succeededFuture(capability.copy()), null);
  }

  private void searchSlots(RoutingContext ctx) {
    FhirExchange.names(ctx, "fhir.slot.search", "slot", null);
    SlotSearchQuery query = SearchParameters.parse(ctx.queryParams(), ctx.request().query(), strict(ctx));
    exchange.reply(ctx, sas.search(query).map(found -> bundles.of(query, found)),
        "rpps=" + query.rpps().size() + "; from=" + query.from() + "; to=" + query.to());
  }

  private void readSlot(RoutingContext ctx) {
    UUID id = id(ctx, "slot");
    exchange.reply(ctx, sas.slot(id).map(s -> Resources.json(json -> resources.slot(json, s))), null);
  }

  private void readSchedule(RoutingContext ctx) {
    UUID id = id(ctx, "schedule");
    exchange.reply(ctx, sas.schedule(id).map(s -> Resources.json(json -> resources.schedule(json, s))), null);
  }

  private void readPractitioner(RoutingContext ctx) {
    UUID id = id(ctx, "practitioner");
    exchange.reply(ctx, sas.practitioner(id).map(p -> Resources.json(json -> resources.practitioner(json,
        SasPractitioner.of(p)))), null);
  }

  /** Names the read for the audit row; an id that is not one of ours cannot exist here. */
  private static UUID id(RoutingContext ctx, String entity) {
    String raw = ctx.pathParam("id");
    FhirExchange.names(ctx, "fhir." + entity + ".read", entity, raw);
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw FhirFailure.notFound("Ressource inconnue : " + raw);
    }
  }

  /** The TLS layer already required a certificate from a trusted CA; here its subject must be listed. */
  private void checkSubject(RoutingContext ctx) {
    X500Principal subject = subject(ctx.request().sslSession());
    if (subject != null) {
      ctx.put(FhirExchange.SUBJECT, subject.getName(X500Principal.RFC2253));
    }
    if (subject == null || !subjects.allows(subject)) {
      ctx.fail(FhirFailure.forbidden("Certificat client non autorisé pour l'interface SAS."));
      return;
    }
    ctx.next();
  }

  private static X500Principal subject(SSLSession session) {
    try {
      Certificate[] chain = session == null ? null : session.getPeerCertificates();
      return chain != null && chain.length > 0 && chain[0] instanceof X509Certificate x509
          ? x509.getSubjectX500Principal() : null;
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }

  /** JSON only (the guide's Accept: application/json+fhir, or application/fhir+json, json, any). */
  private void checkFormat(RoutingContext ctx) {
    String format = ctx.queryParams().get("_format");
    String accept = ctx.request().getHeader("Accept");
    boolean ok = (format == null || JSON_FORMAT.matcher(format.trim()).matches())
        && (accept == null || accept.isBlank() || acceptsJson(accept));
    if (!ok) {
      ctx.fail(FhirFailure.notAcceptable("Seul le format JSON (application/fhir+json) est proposé."));
      return;
    }
    ctx.next();
  }

  private static boolean acceptsJson(String accept) {
    if (accept.equals(FHIR_JSON)) { // what the SAS platform sends, every time: no pattern to run (decision 0039)
      return true;
    }
    for (String range : accept.split(",")) {
      if (JSON_FORMAT.matcher(range.trim().replace(' ', '+')).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean strict(RoutingContext ctx) {
    return ctx.request().headers().getAll("Prefer").stream()
        .anyMatch(p -> p.replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains("handling=strict"));
  }
}
