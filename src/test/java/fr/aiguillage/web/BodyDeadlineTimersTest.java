package fr.aiguillage.web;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body deadline's timer ends with the body: a request whose body arrived in time leaves nothing behind. Before,
 * every such timer stayed armed for the whole deadline holding its request, and a benchmark at 7,000 requests a
 * second filled a 1 GB heap (full collections of 1.5 s, the p99 of every operation near a second).
 */
class BodyDeadlineTimersTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("after 50 requests with a body, each answered once the body arrived, no deadline timer is left armed")
  void noTimerOutlivesItsBody() throws Exception {
    BodyDeadline deadline = BodyDeadline.of(new JsonObject().put("bodyTimeoutSeconds", 600));
    // Answered once the whole request has arrived (request.end()), without reading the body: a bare request.body()
    // throws when the request had already ended before its handler ran, and then no answer ever came.
    HttpServer server = vertx.createHttpServer()
        .requestHandler(deadline.guard(request -> request.end()
            .onComplete(ended -> request.response().end("received"))))
        .listen(0).await(10, TimeUnit.SECONDS);
    // Raw sockets, one request each: the same test through Vert.x's HTTP client hung for 10 s in the full suite
    // (after MetricsTest in the same JVM), whatever the handler did; the cause is not proven.
    for (int i = 0; i < 50; i++) {
      String body = "{\"n\":" + i + "}";
      NetSocket socket = vertx.createNetClient().connect(server.actualPort(), "127.0.0.1").await(10, TimeUnit.SECONDS);
      Promise<String> answered = Promise.promise();
      StringBuilder received = new StringBuilder();
      socket.handler(data -> received.append(data.toString()));
      socket.closeHandler(v -> answered.tryComplete(received.toString()));
      socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n" + body);
      assertThat(answered.future().await(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200").endsWith("received");
    }
    assertThat(deadline.armed()).isZero();
  }
}
