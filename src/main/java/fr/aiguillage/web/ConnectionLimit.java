package fr.aiguillage.web;

import fr.aiguillage.json.Json;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limits.maxConnections} open HTTP connections (AIGUILLAGE_LIMITS_MAX_CONNECTIONS): a connection past
 * the limit has each of its requests answered 503 problem+json with Retry-After, then is closed, so a crowd of clients
 * costs the service a short answer each instead of its memory. Counted per listener (HTTP and HTTPS each).
 */
public final class ConnectionLimit {

  static final int DEFAULT_MAX = 2_000;
  private static final int RETRY_AFTER_SECONDS = 5;

  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final Set<HttpConnection> over = ConcurrentHashMap.newKeySet();

  private ConnectionLimit(int max) {
    this.max = max;
  }

  /** From the {@code limits} section of the configuration; the default when absent. */
  public static ConnectionLimit of(JsonObject limits) {
    int max = limits.getInteger("maxConnections", DEFAULT_MAX);
    if (max < 1) {
      throw new IllegalArgumentException("limits.maxConnections must be at least 1, not " + max);
    }
    return new ConnectionLimit(max);
  }

  /** The server's connection handler: counts the connection, and marks it when it is one too many. */
  public void opened(HttpConnection connection) {
    if (open.incrementAndGet() > max) {
      over.add(connection);
    }
    connection.closeHandler(closed -> {
      open.decrementAndGet();
      over.remove(connection);
    });
  }

  /** The server's request handler: {@code next} unless the request came on a connection past the limit. */
  public Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next) {
    return request -> {
      if (!over.contains(request.connection())) {
        next.handle(request);
        return;
      }
      String requestId = RequestIds.of(request);
      Problem problem = Problem.of(503, "TOO_MANY_CONNECTIONS", "Service saturé",
          "more than " + max + " connections are open; retry in a few seconds", null).withRequestId(requestId);
      request.response().setStatusCode(503).putHeader("Content-Type", Problem.CONTENT_TYPE)
          .putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)).putHeader(RequestIds.HEADER, requestId)
          .putHeader("Connection", "close").end(Json.encode(problem))
          .onComplete(sent -> request.connection().close());
    };
  }
}
