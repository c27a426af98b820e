package fr.aiguillage;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.web.BodyDeadline;
import fr.aiguillage.web.ConnectionLimit;
import fr.aiguillage.web.EventLoops;
import fr.aiguillage.web.InvalidRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's HTTP and HTTPS listeners (docs/privacy.md, "Chiffrement": HTTPS when a certificate is configured),
 * each behind the connection limit and the body deadline of the {@code limits} section, on {@code http.eventLoops}
 * event loops ({@link EventLoops}). Each listener's connections are counted over all the loops.
 */
final class Listeners {

  private final Vertx vertx;
  private final AppConfig config;
  private final EventLoops loops;
  private final Set<String> servingThreads = ConcurrentHashMap.newKeySet();
  private volatile HttpServer plain;
  private volatile HttpServer secure;

  Listeners(Vertx vertx, AppConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.loops = new EventLoops(vertx, config.section("http").getInteger("eventLoops", 1), "http.eventLoops");
  }

  Future<?> listen(Router router) {
    AppConfig.Tls tls = config.tls();
    if (!tls.enabled() && !tls.plainHttp()) {
      return Future.failedFuture(new IllegalStateException("http.enabled is false but no TLS certificate is set"));
    }
    ConnectionLimit plainLimit = ConnectionLimit.of(config.section("limits"));
    ConnectionLimit secureLimit = ConnectionLimit.of(config.section("limits"));
    BodyDeadline deadline = BodyDeadline.of(config.section("limits"));
    int httpPort = EventLoops.shared(config.httpPort(), 1);
    int httpsPort = EventLoops.shared(tls.port(), 2);
    return loops.listen(() -> {
      Future<HttpServer> http = tls.plainHttp()
          ? vertx.createHttpServer().invalidRequestHandler(new InvalidRequests())
              .connectionHandler(connection -> opened(plainLimit, connection))
              .requestHandler(plainLimit.guard(deadline.guard(router))).listen(httpPort).onSuccess(s -> plain = s)
          : Future.succeededFuture();
      Future<HttpServer> https = tls.enabled()
          ? Tls.listen(vertx, tls, httpsPort, router, connection -> opened(secureLimit, connection), secureLimit,
              deadline).onSuccess(s -> secure = s)
          : Future.succeededFuture();
      return Future.all(http, https);
    });
  }

  private void opened(ConnectionLimit limit, HttpConnection connection) {
    servingThreads.add(Thread.currentThread().getName());
    limit.opened(connection);
  }

  /** The port actually bound (useful when configured as 0): HTTP's, or HTTPS's when HTTP is off. */
  int port() {
    return plain != null ? plain.actualPort() : secure.actualPort();
  }

  /** The HTTPS port actually bound, or -1 without TLS. */
  int tlsPort() {
    return secure == null ? -1 : secure.actualPort();
  }

  /** How many event loops serve HTTP and HTTPS. */
  int eventLoops() {
    return loops.count();
  }

  /** The event loops that have accepted a connection so far (their threads' names). */
  Set<String> servingThreads() {
    return Set.copyOf(servingThreads);
  }

  Future<Void> close() {
    return loops.close();
  }
}
