package fr.aiguillage.fhir;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One instance of the SAS listener, on the event loop Vert.x gives it: its own request handler (router) over the
 * shared services. Deployed {@code fhir.eventLoops} times on the same port, Vert.x hands each new connection to the
 * next instance, so TLS and the answers' JSON of different connections run on different event loops.
 */
final class FhirListener extends VerticleBase {

  private final HttpServerOptions options;
  private final int port;
  private final Function<Vertx, Handler<HttpServerRequest>> handler;
  private final Consumer<HttpServer> listening;

  FhirListener(HttpServerOptions options, int port, Function<Vertx, Handler<HttpServerRequest>> handler,
               Consumer<HttpServer> listening) {
    this.options = options;
    this.port = port;
    this.handler = handler;
    this.listening = listening;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions(options)).requestHandler(handler.apply(vertx)).listen(port)
        .onSuccess(listening::accept);
  }
}
