package fr.aiguillage.web;

import fr.aiguillage.json.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import fr.aiguillage.failure.FieldError;
import fr.aiguillage.json.TextRules;
import fr.aiguillage.json.TimeWindow;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.security.model.Caller;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads what the OpenAPI validator let through: the caller, typed parameters, the body as a record. */
public final class Requests {

  static final String CALLER = "aiguillage.caller";
  static final String TOKEN = "aiguillage.token";
  /** The contract path of the operation a request was matched to before its route (set by the territory guard). */
  public static final String OPERATION_PATH = "aiguillage.operationPath";

  /** A body is one JSON value: anything after it is refused, as the contract's validator does. */
  private static final ObjectReader TREE = Json.MAPPER.reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Requests() {
  }

  public static Caller caller(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER);
    if (caller == null) {
      throw new IllegalStateException("route reached without authentication: " + ctx.request().path());
    }
    return caller;
  }

  /** The caller, or null on the public paths (login, the signed telephony webhook). */
  public static Caller callerIfAny(RoutingContext ctx) {
    return ctx.get(CALLER);
  }

  /** True when the request carries a body (for operations where it is optional). */
  public static boolean hasBody(RoutingContext ctx) {
    return ctx.body() != null && ctx.body().buffer() != null && ctx.body().length() > 0;
  }

  /** The client's address, for the audit trail. */
  public static String clientIp(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
  }

  public static String token(RoutingContext ctx) {
    return ctx.get(TOKEN);
  }

  public static <T> T body(RoutingContext ctx, Class<T> type) {
    JsonNode tree = tree(ctx);
    try {
      return Json.MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new Invalid(ValidationErrors.from(e));
    }
  }

  /**
   * The JSON body as a tree, its strings and field names checked against {@link TextRules}: for a route that checks
   * its body itself, in full, instead of the contract's validator (see {@code TriageRoutes}).
   */
  public static JsonNode tree(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
      throw new Invalid("body", "a JSON body is required");
    }
    try {
      JsonNode tree = TREE.readTree(ctx.body().buffer().getBytes());
      List<FieldError> refused = new ArrayList<>();
      checkText(tree, "", refused);
      if (!refused.isEmpty()) {
        throw new Invalid(refused);
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new Invalid(ValidationErrors.from(e));
    } catch (IOException e) {
      throw new Invalid("body", "unreadable body");
    }
  }

  /**
   * Every string and field name of a JSON body against {@link TextRules}, where JSON is read for every operation
   * (issue 21, class 2); stops looking after {@link Invalid#MAX_ERRORS} refusals.
   */
  private static void checkText(JsonNode node, String at, List<FieldError> refused) {
    if (refused.size() >= Invalid.MAX_ERRORS) {
      return;
    }
    if (node.isTextual()) {
      String problem = TextRules.problem(node.textValue());
      if (problem != null) {
        refused.add(new FieldError(at.isEmpty() ? "body" : at, problem));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkText(node.get(i), at + "[" + i + "]", refused);
      }
    } else if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        String name = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
        String problem = TextRules.problem(field.getKey());
        if (problem != null && refused.size() < Invalid.MAX_ERRORS) {
          refused.add(new FieldError(at.isEmpty() ? "body" : at, "a field name " + problem));
        } else {
          checkText(field.getValue(), name, refused);
        }
      });
    }
  }

  public static UUID pathUuid(RoutingContext ctx, String name) {
    return uuid(name, ctx.pathParam(name));
  }

  /** A string query parameter as Vert.x decoded it (once; see {@link #queryTime}). */
  public static String query(RoutingContext ctx, String name) {
    String raw = ctx.request().getParam(name);
    return raw == null || raw.isEmpty() ? null : raw;
  }

  public static Integer queryInt(RoutingContext ctx, String name, int fallback) {
    RequestParameter p = queryParams(ctx).get(name);
    return p == null || p.isNull() ? fallback : p.getInteger(fallback);
  }

  public static Boolean queryBool(RoutingContext ctx, String name) {
    RequestParameter p = queryParams(ctx).get(name);
    return p == null || p.isNull() ? null : p.getBoolean();
  }

  public static UUID queryUuid(RoutingContext ctx, String name) {
    String raw = query(ctx, name);
    return raw == null ? null : uuid(name, raw);
  }

  /**
   * A date-time query parameter, read from Vert.x's own (single) decoding: vertx-openapi 5.0 decodes query
   * values twice, which turns an encoded "+01:00" into " 01:00". A "+" sent unencoded arrives as a space
   * and is read back as "+".
   */
  public static OffsetDateTime queryTime(RoutingContext ctx, String name) {
    String raw = ctx.request().getParam(name);
    try {
      OffsetDateTime t = raw == null || raw.isBlank() ? null : OffsetDateTime.parse(raw.trim().replace(' ', '+'));
      if (t != null && !TimeWindow.accepts(t)) {
        throw new Invalid(name, "must be between 2000-01-01 and 2100-01-01");
      }
      return t;
    } catch (DateTimeParseException e) {
      throw new Invalid(name, "must be an ISO-8601 date-time with offset, e.g. 2026-11-24T09:00:00+01:00");
    }
  }

  private static Map<String, RequestParameter> queryParams(RoutingContext ctx) {
    ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    return validated == null ? Map.of() : validated.getQuery();
  }

  private static UUID uuid(String name, String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new Invalid(name, "must be a UUID");
    }
  }
}
