package fr.aiguillage.fhir.http;

import fr.aiguillage.fhir.FhirFailure;
import fr.aiguillage.fhir.resource.OperationOutcomes;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.web.Requests;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers on the FHIR listener: every request — answered, refused or failed — is written to the audit trail with
 * the client certificate's subject before the answer leaves (the answer waits for the row's commit; if the row
 * cannot be written, the client gets a 500 OperationOutcome and nothing else).
 */
final class FhirExchange implements Handler<RoutingContext> {

  static final String SUBJECT = "fhir.subject";
  private static final String ACTION = "fhir.action";
  private static final String ENTITY = "fhir.entity";
  private static final String ENTITY_ID = "fhir.entityId";
  private static final String AUDITED = "fhir.audited";
  private static final String JSON = "application/fhir+json; charset=utf-8";
  private static final Logger LOG = LoggerFactory.getLogger(FhirExchange.class);

  private final AuditTrail audit;

  FhirExchange(AuditTrail audit) {
    this.audit = audit;
  }

  /** Names what the request does, for its audit row (set by each handler before it can fail). */
  static void names(RoutingContext ctx, String action, String entity, String entityId) {
    ctx.put(ACTION, action);
    ctx.put(ENTITY, entity);
    ctx.put(ENTITY_ID, entityId);
  }

  /** Sends the resource the future brings once the audit row is committed; a failure goes to {@link #handle}. */
  void reply(RoutingContext ctx, Future<Buffer> resource, String detail) {
    resource.compose(json -> record(ctx, AuditEvent.Outcome.SUCCESS, detail).map(json))
        .onSuccess(json -> ctx.response().setStatusCode(200).putHeader("Content-Type", JSON).end(json))
        .onFailure(ctx::fail);
  }

  /** The failure handler: an OperationOutcome with the failure's status, after its audit row. */
  @Override
  public void handle(RoutingContext ctx) {
    FhirFailure failure = failure(ctx);
    AuditEvent.Outcome outcome = failure.status() == 403 ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.FAILURE;
    Future<Void> recorded = ctx.get(AUDITED) != null ? Future.succeededFuture()
        : record(ctx, outcome, "status=" + failure.status());
    recorded.onComplete(done -> {
      FhirFailure shown = done.succeeded() ? failure : FhirFailure.internal();
      if (done.failed()) {
        LOG.error("FHIR request not audited, answered 500: {}", done.cause().getMessage());
      }
      if (!ctx.response().ended() && !ctx.response().closed()) {
        ctx.response().setStatusCode(shown.status()).putHeader("Content-Type", JSON)
            .end(OperationOutcomes.error(shown.issueType(), shown.text()).toBuffer());
      }
    });
  }

  private Future<Void> record(RoutingContext ctx, AuditEvent.Outcome outcome, String detail) {
    ctx.put(AUDITED, true);
    String subject = ctx.get(SUBJECT);
    String action = ctx.get(ACTION) != null ? ctx.get(ACTION) : "fhir.request";
    String entity = ctx.get(ENTITY) != null ? ctx.get(ENTITY) : "fhir";
    return audit.record(new AuditEvent(null, null, null, action, entity, ctx.get(ENTITY_ID), null,
        Requests.clientIp(ctx), outcome, "subject=" + (subject == null ? "?" : subject)
        + (detail == null ? "" : "; " + detail)));
  }

  private static FhirFailure failure(RoutingContext ctx) {
    Throwable cause = ctx.failure();
    if (cause instanceof FhirFailure f) {
      return f;
    }
    if (cause == null) {
      return switch (ctx.statusCode()) {
        case 404 -> FhirFailure.notFound("Ressource ou opération inconnue : " + ctx.normalizedPath());
        case 405 -> FhirFailure.notSupported("Méthode non prise en charge : " + ctx.request().method());
        default -> FhirFailure.internal();
      };
    }
    LOG.error("FHIR request failed: {}", cause.getClass().getSimpleName());
    return FhirFailure.internal();
  }
}
