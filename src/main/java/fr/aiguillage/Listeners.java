package fr.aiguillage;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.web.BodyDeadline;
import fr.aiguillage.web.ConnectionLimit;
import fr.aiguillage.web.InvalidRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The service's HTTP and HTTPS listeners (docs/privacy.md, "Chiffrement": HTTPS when a certificate is configured),
 * each behind the connection limit and the body deadline of the {@code limits} section.
 */
final class Listeners {

  private final Vertx vertx;
  private final AppConfig config;
  private HttpServer plain;
  private HttpServer secure;

  Listeners(Vertx vertx, AppConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  Future<?> listen(Router router) {
    AppConfig.Tls tls = config.tls();
    if (!tls.enabled() && !tls.plainHttp()) {
      return Future.failedFuture(new IllegalStateException("http.enabled is false but no TLS certificate is set"));
    }
    // Each listener counts its own connections.
    ConnectionLimit limit = ConnectionLimit.of(config.section("limits"));
    BodyDeadline deadline = BodyDeadline.of(config.section("limits"));
    Future<HttpServer> http = tls.plainHttp()
        ? vertx.createHttpServer().invalidRequestHandler(new InvalidRequests()).connectionHandler(limit::opened)
            .requestHandler(limit.guard(deadline.guard(router))).listen(config.httpPort()).onSuccess(s -> plain = s)
        : Future.succeededFuture();
    Future<HttpServer> https = tls.enabled()
        ? Tls.listen(vertx, tls, router, ConnectionLimit.of(config.section("limits")), deadline).onSuccess(s -> secure = s)
        : Future.succeededFuture();
    return Future.all(http, https);
  }

  /** The port actually bound (useful when configured as 0): HTTP's, or HTTPS's when HTTP is off. */
  int port() {
    return plain != null ? plain.actualPort() : secure.actualPort();
  }

  /** The HTTPS port actually bound, or -1 without TLS. */
  int tlsPort() {
    return secure == null ? -1 : secure.actualPort();
  }

  Future<Void> close() {
    Future<Void> http = plain == null ? Future.succeededFuture() : plain.close();
    return http.eventually(() -> secure == null ? Future.succeededFuture() : secure.close());
  }
}
