package fr.aiguillage.web;

import fr.aiguillage.json.Json;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request must be wholly received within {@code limits.bodyTimeoutSeconds} (AIGUILLAGE_LIMITS_BODY_TIMEOUT_SECONDS,
 * 30 s by default), on every listener and every route: a body trickled byte by byte (which an idle timeout never
 * notices) is answered 408 problem+json and its connection closed, or only closed when an answer has already begun,
 * so slow clients cannot hold connections and buffers for ever. Long answers (the operators' event stream) are not
 * concerned: only the request is timed. It wraps the listener's request handler, before any router.
 */
public final class BodyDeadline {

  static final int DEFAULT_SECONDS = 30;

  private final long millis;
  private final AtomicInteger armed = new AtomicInteger();

  private BodyDeadline(long millis) {
    this.millis = millis;
  }

  /** From the {@code limits} section of the configuration; the default when absent. */
  public static BodyDeadline of(JsonObject limits) {
    int seconds = limits.getInteger("bodyTimeoutSeconds", DEFAULT_SECONDS);
    if (seconds < 1) {
      throw new IllegalArgumentException("limits.bodyTimeoutSeconds must be at least 1, not " + seconds);
    }
    return new BodyDeadline(seconds * 1000L);
  }

  /** {@code next}, with a timer on each request whose body has not arrived yet. */
  public Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next) {
    return request -> {
      if (request.isEnded()) {
        next.handle(request);
        return;
      }
      // Cancelled as soon as the body has arrived: a timer left to fire would hold the request, its routing context
      // and headers for the whole deadline (at thousands of requests a second, most of the heap: decision 0016).
      // request.end() is the request's own completion, beside the end handler the router sets.
      Vertx vertx = Vertx.currentContext().owner();
      armed.incrementAndGet();
      long timer = vertx.setTimer(millis, id -> {
        armed.decrementAndGet();
        cutOff(request);
      });
      next.handle(request);
      if (!request.isEnded()) {
        request.end().onComplete(ended -> disarm(vertx, timer));
      } else {
        disarm(vertx, timer);
      }
    };
  }

  private void disarm(Vertx vertx, long timer) {
    if (vertx.cancelTimer(timer)) {
      armed.decrementAndGet();
    }
  }

  /** How many requests are timed right now (their body has not arrived). */
  int armed() {
    return armed.get();
  }

  private void cutOff(HttpServerRequest request) {
    if (request.isEnded() || request.connection() == null) {
      return;
    }
    if (request.response().headWritten() || request.response().ended()) {
      request.connection().close();
      return;
    }
    // The router's RequestIds has usually named the request already (response header): the same id, else a new one.
    String named = request.response().headers().get(RequestIds.HEADER);
    String requestId = named != null ? named : RequestIds.of(request);
    Problem problem = Problem.of(408, "REQUEST_TIMEOUT", "Requête trop lente",
        "the request was not received within " + millis / 1000 + " s", null).withRequestId(requestId);
    request.response().setStatusCode(408).putHeader("Content-Type", Problem.CONTENT_TYPE)
        .putHeader(RequestIds.HEADER, requestId).putHeader("Connection", "close").end(Json.encode(problem))
        .onComplete(sent -> request.connection().close());
  }
}
