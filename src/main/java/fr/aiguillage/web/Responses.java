package fr.aiguillage.web;

import fr.aiguillage.json.Json;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers. */
public final class Responses {

  private static final String JSON = "application/json; charset=utf-8";

  private Responses() {
  }

  public static Future<Void> ok(RoutingContext ctx, Object body) {
    return send(ctx, 200, body);
  }

  /** A dynamic JSON shape (figures), written as is. */
  public static Future<Void> ok(RoutingContext ctx, io.vertx.core.json.JsonObject body) {
    return ctx.response().setStatusCode(200).putHeader("Content-Type", JSON).end(body.toBuffer());
  }

  public static Future<Void> created(RoutingContext ctx, String location, Object body) {
    ctx.response().putHeader("Location", location);
    return send(ctx, 201, body);
  }

  public static Future<Void> noContent(RoutingContext ctx) {
    return ctx.response().setStatusCode(204).end();
  }

  public static Future<Void> send(RoutingContext ctx, int status, Object body) {
    return ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(Json.encode(body));
  }

  /** Runs an async handler step: the answer on success, the failure handler otherwise. */
  public static <T> void reply(RoutingContext ctx, Future<T> result, java.util.function.Function<T, Future<Void>> writer) {
    result.compose(writer).onFailure(ctx::fail);
  }
}
