package fr.aiguillage.push;

import fr.aiguillage.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP SMS gateway that can be slow on demand: while held, it records each request and answers none until
 * {@link #release()} (a gateway taking its time); otherwise it answers 202 at once. The real HTTP gateway channel
 * talks to it.
 */
final class HeldSmsGateway implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final List<HttpServerResponse> waiting = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile boolean held;
  private volatile CompletableFuture<Void> arrived = new CompletableFuture<>();

  HeldSmsGateway() {
    server = Await.result(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      received.add(body.toJsonObject());
      if (held) {
        waiting.add(request.response());
      } else {
        request.response().setStatusCode(202).end();
      }
      arrived.complete(null);
    })).listen(0));
  }

  String url() {
    return "http://localhost:" + server.actualPort() + "/sms";
  }

  /** From now on, requests wait for {@link #release()}. */
  void hold() {
    arrived = new CompletableFuture<>();
    held = true;
  }

  /** Waits until a request has come in since {@link #hold()}. */
  void awaitRequest() {
    arrived.orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** Answers every waiting request 202 and stops holding. */
  void release() {
    held = false;
    vertx.runOnContext(v -> {
      waiting.forEach(r -> {
        if (!r.closed()) {
          r.setStatusCode(202).end();
        }
      });
      waiting.clear();
    });
  }

  /** Texts received for this E.164 number (answered or not), in order. */
  List<String> textsTo(String e164) {
    return received.stream().filter(r -> e164.equals(r.getString("to"))).map(r -> r.getString("text")).toList();
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }
}
