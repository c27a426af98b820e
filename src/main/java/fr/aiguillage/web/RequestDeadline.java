package fr.aiguillage.web;

import fr.aiguillage.json.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * A request must be wholly received within a deadline: a body trickled byte by byte (which an idle timeout never
 * notices) is answered 408 problem+json and its connection closed, so slow clients cannot hold connections and
 * buffers for ever. Long answers (the operators' event stream) are not concerned: only the request is timed.
 */
final class RequestDeadline implements PlatformHandler {

  private final long millis;

  RequestDeadline(long millis) {
    this.millis = millis;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.request().isEnded()) {
      ctx.next();
      return;
    }
    long timer = ctx.vertx().setTimer(millis, id -> {
      if (!ctx.request().isEnded() && !ctx.response().headWritten()) {
        Problem problem = Problem.of(408, "REQUEST_TIMEOUT", "Requête trop lente",
            "the request was not received within " + millis + " ms", null).withRequestId(ctx.get(RequestIds.KEY));
        ctx.response().setStatusCode(408).putHeader("Content-Type", Problem.CONTENT_TYPE)
            .putHeader("Connection", "close").end(Json.encode(problem))
            .onComplete(done -> ctx.request().connection().close());
      }
    });
    ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
    ctx.next();
  }
}
