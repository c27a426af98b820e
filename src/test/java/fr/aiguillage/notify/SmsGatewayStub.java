package fr.aiguillage.notify;

import fr.aiguillage.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP SMS gateway: records every request (body, Authorization header, answer given) and answers 503
 * to the next {@link #failNext(int)} requests, 202 otherwise.
 */
final class SmsGatewayStub implements AutoCloseable {

  /** One request as received, and the status it was answered with. */
  record Received(JsonObject body, String authorization, int status) {
  }

  private final Vertx vertx = Vertx.vertx();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final HttpServer server;

  SmsGatewayStub() {
    server = Await.result(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 202;
      received.add(new Received(body.toJsonObject(), request.getHeader("Authorization"), status));
      request.response().setStatusCode(status).end();
    })).listen(0));
  }

  String url() {
    return "http://localhost:" + server.actualPort() + "/sms";
  }

  void failNext(int count) {
    failuresLeft.set(count);
  }

  /** Requests for this E.164 number, in order. */
  List<Received> to(String e164) {
    return received.stream().filter(r -> e164.equals(r.body().getString("to"))).toList();
  }

  /** Texts accepted (2xx) for this number. */
  List<String> deliveredTo(String e164) {
    return to(e164).stream().filter(r -> r.status() / 100 == 2).map(r -> r.body().getString("text")).toList();
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }
}
