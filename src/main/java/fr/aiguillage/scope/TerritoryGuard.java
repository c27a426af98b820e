package fr.aiguillage.scope;

import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.web.Requests;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where every id a request carries is placed in its territories and checked against the caller's,
 * before validation and before any handler: an id of a record outside the caller's territories is a 403
 * (problem+json, a DENIED audit row naming the record). What each operation carries is {@link OperationIds}; an id
 * of no existing record goes on to the service, which answers 404 or 400 as before. Administrators cover every
 * territory; public operations have no caller and are left to their own checks.
 */
public final class TerritoryGuard implements Handler<RoutingContext> {

  /** One id found in a request, with where it was declared. */
  record Found(Carried carried, String value) {
  }

  private final OpenAPIContract contract;
  private final Places places;

  private TerritoryGuard(OpenAPIContract contract, Places places) {
    this.contract = contract;
    this.places = places;
  }

  /** Refuses to build (and so the service to start) while an operation of the contract has no row. */
  public static TerritoryGuard of(OpenAPIContract contract, Places places) {
    Set<String> missing = new TreeSet<>();
    contract.operations().forEach(op -> {
      if (OperationIds.of(op.getOperationId()).isEmpty()) {
        missing.add(op.getOperationId());
      }
    });
    if (!missing.isEmpty()) {
      throw new IllegalStateException("operations without a row in " + OperationIds.class.getName()
          + " (which ids they take, or none and why): " + missing);
    }
    return new TerritoryGuard(contract, places);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Caller caller = Requests.callerIfAny(ctx);
    Operation op = caller == null || caller.has(Role.ADMIN) ? null
        : contract.findOperation(ctx.normalizedPath(), ctx.request().method());
    Optional<OperationRow> row = op == null ? Optional.empty() : OperationIds.of(op.getOperationId());
    if (row.isEmpty() || row.get().checksNothing()) {
      ctx.next();
      return;
    }
    List<Found> ids = carried(ctx, op.getOpenAPIPath(), row.get());
    checkEach(caller, ids, 0).onComplete(result -> {
      if (result.succeeded()) {
        ctx.next();
      } else {
        ctx.put(Requests.OPERATION_PATH, op.getOpenAPIPath());
        ctx.fail(result.cause());
      }
    });
  }

  /** One id after the other: usually one or two, each one indexed lookup; the first outside stops the request. */
  private Future<Void> checkEach(Caller caller, List<Found> ids, int index) {
    if (index == ids.size()) {
      return Future.succeededFuture();
    }
    Found found = ids.get(index);
    return places.of(found.carried().kind(), found.value()).compose(territories -> {
      if (territories.isPresent() && !caller.coversAny(territories.get())) {
        IdKind kind = found.carried().kind();
        return Future.failedFuture(Forbidden.about(found.carried().name() + " names a " + kind.entityType()
            + " of another territory", kind.entityType(), found.value(),
            territories.get().stream().sorted().findFirst().orElse(null)));
      }
      return checkEach(caller, ids, index + 1);
    });
  }

  static List<Found> carried(RoutingContext ctx, String template, OperationRow row) {
    List<Found> found = new ArrayList<>();
    JsonObject body = null;
    for (Carried c : row.carried()) {
      switch (c.in()) {
        case PATH -> add(found, c, pathParam(template, ctx.normalizedPath(), c.name()));
        case QUERY -> ctx.queryParam(c.name()).forEach(v -> add(found, c, v));
        case BODY -> {
          body = body != null ? body : jsonBody(ctx);
          Object value = body.getValue(c.name());
          if (value instanceof JsonArray array) {
            array.forEach(v -> add(found, c, v));
          } else {
            add(found, c, value);
          }
        }
      }
    }
    return found;
  }

  private static void add(List<Found> found, Carried carried, Object value) {
    if (value instanceof String text && !text.isBlank()) {
      found.add(new Found(carried, text.trim()));
    }
  }

  /** The segment of the path where the template has {@code {name}}. */
  static String pathParam(String template, String path, String name) {
    String[] expected = template.split("/");
    String[] actual = path.split("/");
    for (int i = 0; i < expected.length && i < actual.length; i++) {
      if (expected[i].equals("{" + name + "}")) {
        return actual[i];
      }
    }
    return null;
  }

  /** The body as JSON, or empty when it is none (request validation will say what is wrong with it). */
  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      JsonObject json = ctx.body() == null ? null : ctx.body().asJsonObject();
      return json == null ? new JsonObject() : json;
    } catch (RuntimeException notAnObject) {
      return new JsonObject();
    }
  }
}
