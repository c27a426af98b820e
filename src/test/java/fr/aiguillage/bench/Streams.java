package fr.aiguillage.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Open operators' call streams (Server-Sent Events), half on each instance, counting what they receive. */
final class Streams {

  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final AtomicLong events = new AtomicLong();

  private Streams() {
  }

  static Streams open(Vertx vertx, int[] ports, String token, int subscribers) {
    Streams streams = new Streams();
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(0),
        new PoolOptions().setHttp1MaxSize(subscribers));
    for (int i = 0; i < subscribers; i++) {
      RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
          .setPort(ports[i % ports.length]).setURI("/api/v1/calls/stream")
          .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "text/event-stream");
      http.request(request).compose(r -> r.send()).onSuccess(response -> {
        if (response.statusCode() != 200) {
          streams.closed.incrementAndGet();
          return;
        }
        streams.open.incrementAndGet();
        response.handler(chunk -> streams.events.addAndGet(occurrences(chunk.toString(), "\ndata:")
            + (chunk.toString().startsWith("data:") ? 1 : 0)));
        response.endHandler(v -> streams.lost());
        response.exceptionHandler(e -> streams.lost());
      }).onFailure(e -> streams.closed.incrementAndGet());
    }
    return streams;
  }

  private void lost() {
    open.decrementAndGet();
    closed.incrementAndGet();
  }

  void awaitOpen(int expected, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (open.get() + closed.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  int open() {
    return open.get();
  }

  int closed() {
    return closed.get();
  }

  long events() {
    return events.get();
  }

  private static int occurrences(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
