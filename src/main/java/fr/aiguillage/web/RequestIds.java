package fr.aiguillage.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The first handler of every request: its id is the caller's {@code X-Request-Id} when that is sane (1 to 64
 * letters, digits, '.', '_' or '-'), else a new UUID. It goes back in the {@code X-Request-Id} header and in every
 * problem body, and into the MDC while the request's handlers run on this thread (a Vert.x event loop interleaves
 * requests, so the MDC is set around each step, never left behind). One access line per request, at its end: method,
 * the operation's path template (never the path itself nor the query, which can hold a name or a phone), status, time.
 */
public final class RequestIds implements PlatformHandler {

  public static final String HEADER = "X-Request-Id";
  public static final String KEY = "requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Logger ACCESS = LoggerFactory.getLogger("fr.aiguillage.access");

  @Override
  public void handle(RoutingContext ctx) {
    String id = of(ctx.request());
    long started = System.nanoTime();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.addEndHandler(done -> logged(id, () -> ACCESS.info("{} {} {} {} ms", ctx.request().method(),
        template(ctx), ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000)));
    logged(id, ctx::next);
  }

  /** The request's id for a request the router never saw (the HTTP decoder refused it). */
  static String of(HttpServerRequest request) {
    String incoming = request.getHeader(HEADER);
    return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
  }

  /** Runs {@code step} with the request's id in the MDC, and takes it out after. */
  static void logged(String id, Runnable step) {
    if (id == null) {
      step.run();
      return;
    }
    try (MDC.MDCCloseable ignored = MDC.putCloseable(KEY, id)) {
      step.run();
    }
  }

  private static String template(RoutingContext ctx) {
    String operationPath = ctx.get(Requests.OPERATION_PATH);
    return operationPath != null ? operationPath : "(outside the API contract)";
  }
}
