package fr.aiguillage.web;

import fr.aiguillage.json.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.DomainFailure;
import fr.aiguillage.failure.FieldError;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.TooManyRequests;
import fr.aiguillage.failure.Unavailable;
import fr.aiguillage.db.SqlFailures;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The one failure handler: maps typed refusals, validation errors and HTTP errors to
 * problem+json. Anything else is a bug: logged with its stack trace, answered with a bare 500.
 */
final class ProblemHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  private final AuditTrail audit;

  ProblemHandler(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // A failure can surface on a later turn of the event loop than the request's first: the id is set again here,
    // so the log line of an unexpected failure names the request it answered.
    String requestId = ctx.get(RequestIds.KEY);
    RequestIds.logged(requestId, () -> answer(ctx, requestId));
  }

  private void answer(RoutingContext ctx, String requestId) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Problem problem = toProblem(ctx.failure(), ctx.statusCode()).withRequestId(requestId);
    if (ctx.failure() instanceof TooManyRequests tooMany) {
      ctx.response().putHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
    }
    Unavailable away = SqlFailures.unavailable(ctx.failure());
    if (away != null) {
      ctx.response().putHeader("Retry-After", Long.toString(away.retryAfterSeconds()));
    }
    // A refusal is answered once its DENIED row is written: whoever reads the trail after the 403 finds it.
    Future<Void> recorded = ctx.failure() instanceof Forbidden refusal ? recordDenial(ctx, refusal)
        : Future.succeededFuture();
    recorded.onComplete(done -> ctx.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", Problem.CONTENT_TYPE)
        .end(Json.encode(problem)));
  }

  static Problem toProblem(Throwable failure, int statusCode) {
    if (failure instanceof Invalid invalid) {
      return Problem.of(400, invalid.code(), invalid.title(), invalid.detail(), invalid.errors());
    }
    if (failure instanceof Conflict conflict) {
      return Problem.of(409, conflict.code(), conflict.title(), conflict.detail(), null, conflict.details());
    }
    if (failure instanceof DomainFailure domain) {
      return Problem.of(domain.status(), domain.code(), domain.title(), domain.detail(), domain.errors());
    }
    Unavailable away = SqlFailures.unavailable(failure);
    if (away != null) {
      return toProblem(away, statusCode);
    }
    DomainFailure refused = SqlFailures.refusal(failure);
    if (refused != null) {
      return toProblem(refused, statusCode);
    }
    if (failure instanceof HttpException http) {
      return fromHttp(http);
    }
    if (failure instanceof ValidatorException validator) {
      return validation(ValidationErrors.from(validator));
    }
    if (failure instanceof JsonProcessingException json) {
      return validation(ValidationErrors.from(json));
    }
    if (failure == null && statusCode >= 400 && statusCode < 500) {
      return byStatus(statusCode);
    }
    logUnexpected(failure);
    return Problem.of(500, "INTERNAL_ERROR", "Erreur interne", "an unexpected error occurred; it has been logged",
        null);
  }

  /**
   * A database error is logged by its SQLSTATE and constraint only: PostgreSQL's messages and details can
   * quote the values of a row, and logs must hold no personal data.
   */
  private static void logUnexpected(Throwable failure) {
    if (failure instanceof io.vertx.pgclient.PgException pg) {
      LOG.error("Unexpected database failure: SQLSTATE {} constraint {} table {}", pg.getSqlState(),
          pg.getConstraint(), pg.getTable());
    } else {
      LOG.error("Unexpected failure", failure);
    }
  }

  static Problem byStatus(int status) {
    return switch (status) {
      case 404 -> Problem.of(404, "NOT_FOUND", "Introuvable", "no such resource", null);
      case 405 -> Problem.of(405, "METHOD_NOT_ALLOWED", "Méthode non permise", "method not allowed here", null);
      case 413 -> Problem.of(413, "PAYLOAD_TOO_LARGE", "Requête trop volumineuse", "the body is too large",
          List.of(new FieldError("body", "larger than the limit")));
      case 415 -> Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "Type de contenu non pris en charge",
          "send application/json", List.of(new FieldError("Content-Type", "must be application/json")));
      default -> Problem.of(status, "HTTP_" + status, "Requête refusée", "request refused", null);
    };
  }

  private static Problem fromHttp(HttpException http) {
    if (http.getCause() instanceof ValidatorException validator) {
      return validation(ValidationErrors.from(validator));
    }
    if (http.getStatusCode() >= 500) {
      LOG.error("HTTP failure {}", http.getStatusCode(), http);
      return Problem.of(500, "INTERNAL_ERROR", "Erreur interne", "an unexpected error occurred; it has been logged",
          null);
    }
    return byStatus(http.getStatusCode());
  }

  private static Problem validation(List<FieldError> errors) {
    Invalid invalid = new Invalid(errors);
    return Problem.of(400, invalid.code(), invalid.title(), invalid.detail(), invalid.errors());
  }

  private Future<Void> recordDenial(RoutingContext ctx, Forbidden refusal) {
    Caller caller = ctx.get(Requests.CALLER);
    if (caller == null) {
      return Future.succeededFuture();
    }
    String action = ctx.request().method().name() + " " + routePath(ctx);
    AuditEvent event = refusal.entityType() == null ? AuditEvent.of(caller, action, "access", null, null)
        : AuditEvent.of(caller, action, refusal.entityType(), refusal.entityId(), refusal.territoryId());
    return audit.record(event.withOutcome(AuditEvent.Outcome.DENIED))
        .onFailure(e -> LOG.error("Could not record a denied access", e));
  }

  private static String routePath(RoutingContext ctx) {
    String operationPath = ctx.get(Requests.OPERATION_PATH);
    if (operationPath != null) {
      return operationPath;
    }
    return ctx.currentRoute() != null && ctx.currentRoute().getPath() != null
        ? ctx.currentRoute().getPath() : ctx.normalizedPath();
  }
}
