package fr.aiguillage.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Open operators' call streams (Server-Sent Events), half on each instance, counting what they receive. */
final class Streams {

  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final AtomicReference<String> firstLoss =
      new AtomicReference<>();
  private final AtomicLong events = new AtomicLong();
  // Held for as long as the streams are: Vert.x 5 shuts a client down, its open connections with it, once the
  // client object is garbage collected (decision 0040). Kept in a local only, all the streams closed at the first
  // collection after open() returned, which under load came within a minute.
  private final HttpClient http;

  private Streams(HttpClient http) {
    this.http = http;
  }

  static Streams open(Vertx vertx, int[] ports, String token, int subscribers) {
    // No idle or keep-alive limit on the client's side: a stream ends only when the service ends it.
    Streams streams = new Streams(vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(0)
        .setKeepAliveTimeout(0), new PoolOptions().setHttp1MaxSize(subscribers)));
    for (int i = 0; i < subscribers; i++) {
      RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
          .setPort(ports[i % ports.length]).setURI("/api/v1/calls/stream")
          .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "text/event-stream")
          .setIdleTimeout(0);
      streams.http.request(request).compose(r -> r.send()).onSuccess(response -> {
        if (response.statusCode() != 200) {
          streams.closed.incrementAndGet();
          return;
        }
        streams.open.incrementAndGet();
        response.handler(chunk -> streams.events.addAndGet(occurrences(chunk.toString(), "\ndata:")
            + (chunk.toString().startsWith("data:") ? 1 : 0)));
        AtomicBoolean ended = new AtomicBoolean();
        response.endHandler(v -> streams.lost(ended, "ended by the service"));
        response.exceptionHandler(e -> streams.lost(ended, e.toString()));
      }).onFailure(e -> streams.closed.incrementAndGet());
    }
    return streams;
  }

  /** A stream that ended (once, whether by its end or an error); the first cause is kept with its time, for print. */
  private void lost(AtomicBoolean ended, String cause) {
    if (ended.compareAndSet(false, true)) {
      firstLoss.compareAndSet(null, Instant.now() + ": " + cause);
      open.decrementAndGet();
      closed.incrementAndGet();
    }
  }

  /** Why the first stream that ended did, or null. */
  String firstLoss() {
    return firstLoss.get();
  }

  void awaitOpen(int expected, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (open.get() + closed.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /** Closes the streams' client, and so every stream. */
  void close() throws Exception {
    http.close().await(1, TimeUnit.MINUTES);
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
