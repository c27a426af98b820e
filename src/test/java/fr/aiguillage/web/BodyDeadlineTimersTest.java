package fr.aiguillage.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
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
    var client = vertx.createHttpClient();
    // Hung for 10 s in the full suite (after MetricsTest in the same JVM) when the handler read the body with
    // request.body(); not seen with this handler. The cause is not proven.
    for (int i = 0; i < 50; i++) {
      String body = "{\"n\":" + i + "}";
      String answer = client.request(HttpMethod.POST, server.actualPort(), "127.0.0.1", "/")
          .compose(request -> request.send(body))
          .compose(HttpClientResponse::body)
          .await(10, TimeUnit.SECONDS).toString();
      assertThat(answer).isEqualTo("received");
    }
    assertThat(deadline.armed()).isZero();
  }
}
