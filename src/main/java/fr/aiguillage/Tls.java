package fr.aiguillage;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.web.BodyDeadline;
import fr.aiguillage.web.ConnectionLimit;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;

import java.util.Set;

/**
 * The HTTPS listener: PEM certificate chain and key, TLS 1.2 and 1.3 only, and HSTS on every answer (RFC 6797:
 * browsers then refuse plain HTTP to this host for max-age seconds).
 */
final class Tls {

  static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

  private Tls() {
  }

  static Future<HttpServer> listen(Vertx vertx, AppConfig.Tls tls, int port, Router router,
                                   Handler<HttpConnection> opened, ConnectionLimit limit, BodyDeadline deadline) {
    HttpServerOptions options = new HttpServerOptions()
        .setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certFile()).setKeyPath(tls.keyFile()))
        .setEnabledSecureTransportProtocols(PROTOCOLS)
        .setPort(port);
    String hsts = "max-age=" + tls.hstsMaxAgeSeconds() + "; includeSubDomains";
    return vertx.createHttpServer(options)
        .connectionHandler(opened)
        .requestHandler(limit.guard(deadline.guard(request -> {
          request.response().putHeader("Strict-Transport-Security", hsts);
          router.handle(request);
        })))
        .listen();
  }
}
