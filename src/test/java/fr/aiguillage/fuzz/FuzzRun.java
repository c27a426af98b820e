package fr.aiguillage.fuzz;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends the fuzzer's requests with a few in flight, and judges every answer: a 5xx, a 4xx that is not
 * problem+json (with type, title, status, code; no stack trace), or no answer at all is a finding.
 */
final class FuzzRun {

  /** One kind of wrong answer for one operation: how many, and the first request that showed it. */
  record Finding(String operationId, String kind, int status, String request, String answer) {
  }

  /** An event stream may send nothing before its first event: after this long it is taken as open. */
  private static final int STREAM_WAIT_MILLIS = 3_000;

  /** Far above any answer's time: a request still unanswered after this is a finding. */
  private static final int ANSWER_MILLIS = Integer.getInteger("fuzz.answerMillis", 30_000);

  private final Vertx vertx;
  private final HttpClient client;
  private final int port;
  final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
  final Map<String, Finding> findings = new ConcurrentHashMap<>();
  final Map<String, AtomicLong> findingCounts = new ConcurrentHashMap<>();
  final AtomicLong sent = new AtomicLong();
  final AtomicLong slowest = new AtomicLong();
  volatile String slowestRequest = "";

  FuzzRun(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
    this.client = vertx.createHttpClient(new HttpClientOptions().setMaxInitialLineLength(64 * 1024)
        .setMaxHeaderSize(64 * 1024).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(16));
  }

  /** Sends them all, {@code parallel} at a time; {@code onAnswer} sees each 2xx body (to learn ids). */
  void send(List<FuzzRequest> requests, Function<FuzzRequest, String> tokenFor, int parallel,
            Consumer<Answered> onAnswer) {
    ConcurrentLinkedQueue<FuzzRequest> queue = new ConcurrentLinkedQueue<>(requests);
    Thread[] workers = new Thread[parallel];
    for (int i = 0; i < parallel; i++) {
      workers[i] = new Thread(() -> {
        for (FuzzRequest r = queue.poll(); r != null; r = queue.poll()) {
          Answered answered = sendOne(r, tokenFor.apply(r));
          if (answered != null && onAnswer != null) {
            onAnswer.accept(answered);
          }
        }
      }, "fuzz-" + i);
      workers[i].start();
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  record Answered(FuzzRequest request, int status, Buffer body, String type) {
  }

  Answered sendOne(FuzzRequest r, String token) {
    sent.incrementAndGet();
    return sendOne(r, token, true);
  }

  /**
   * A refusal such as 414 or 408 closes its connection; a request the pool had just put on that connection
   * fails without an answer of its own, so a request without an answer is sent once more, alone.
   */
  private Answered sendOne(FuzzRequest r, String token, boolean retry) {
    long started = System.nanoTime();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(r.method())).setHost("localhost")
        .setPort(port).setURI(r.uri()).setIdleTimeout(r.streams() ? STREAM_WAIT_MILLIS : 30_000);
    if (token != null && !r.headers().containsKey("Authorization")) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    r.headers().forEach(options::putHeader);
    // How far an unanswered request got: its finding says whether the answer's head or only its body never came.
    AtomicReference<String> stage = new AtomicReference<>("no connection");
    try {
      // An event stream keeps its connection: it gets a client of its own, closed after, so the pool stays free.
      HttpClient through = r.streams() ? vertx.createHttpClient() : client;
      Answered answered = through.request(options)
          .compose(request -> sent(r, request, stage))
          .compose(response -> {
            stage.set("head " + response.statusCode() + " received, body never ended");
            return read(r, response);
          })
          .eventually(() -> through == client ? Future.succeededFuture() : through.close())
          .await(r.streams() ? STREAM_WAIT_MILLIS : ANSWER_MILLIS, TimeUnit.MILLISECONDS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      if (millis > slowest.get()) {
        slowest.set(millis);
        slowestRequest = r.describe();
      }
      judge(r, answered);
      return answered;
    } catch (Exception e) {
      if (retry && !r.streams()) {
        return sendOne(r, token, false);
      }
      if (r.streams() && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) >= STREAM_WAIT_MILLIS) {
        byStatus.computeIfAbsent(0, s -> new AtomicLong()).incrementAndGet(); // a stream held open: its purpose
      } else {
        note(r, "no answer", 0, stage.get() + ": " + e);
      }
      return null;
    }
  }

  private static Future<HttpClientResponse> sent(FuzzRequest r, HttpClientRequest request,
                                                AtomicReference<String> stage) {
    stage.set("sent, no answer's head");
    return r.body() == null ? request.send() : request.send(r.body());
  }

  private Future<Answered> read(FuzzRequest r, HttpClientResponse response) {
    String type = response.getHeader("Content-Type");
    // Any event stream, also one a mutated path of another operation reached (a traversal to /calls/stream):
    // waiting for its end would hold one of the pool's connections for ever, and sixteen of them stall the run.
    boolean eventStream = type != null && type.startsWith("text/event-stream");
    if ((r.streams() || eventStream) && response.statusCode() == 200) {
      response.exceptionHandler(reset -> { }); // our own reset, not a finding (the client would log it as an error)
      response.request().reset();
      return Future.succeededFuture(new Answered(r, 200, Buffer.buffer(), type));
    }
    return response.body().map(body -> new Answered(r, response.statusCode(), body, type));
  }

  private void judge(FuzzRequest r, Answered a) {
    byStatus.computeIfAbsent(a.status(), s -> new AtomicLong()).incrementAndGet();
    String text = a.body().length() > 2_000 ? a.body().getString(0, 2_000) : a.body().toString();
    if (a.status() >= 500) {
      note(r, "5xx", a.status(), text);
    } else if (a.status() >= 400 && !isProblem(a)) {
      note(r, "non-problem 4xx", a.status(), text);
    }
  }

  static boolean isProblem(Answered a) {
    String type = a.type();
    if (type == null || !type.startsWith("application/problem+json")) {
      return false;
    }
    try {
      JsonObject problem = a.body().toJsonObject();
      String text = a.body().toString();
      return problem.getInteger("status", -1) == a.status() && problem.getString("code") != null
          && problem.getString("title") != null && problem.getString("type") != null
          && !text.contains("Exception") && !text.contains("\tat ");
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void note(FuzzRequest r, String kind, int status, String answer) {
    String key = r.operationId() + " / " + kind + " / " + status;
    findingCounts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    findings.putIfAbsent(key, new Finding(r.operationId(), kind, status, r.describe(), answer));
  }

  long count(String kind) {
    return findingCounts.entrySet().stream().filter(e -> e.getKey().contains(" / " + kind + " / "))
        .mapToLong(e -> e.getValue().get()).sum();
  }

  Map<Integer, Long> statuses() {
    Map<Integer, Long> out = new TreeMap<>();
    byStatus.forEach((s, n) -> out.put(s, n.get()));
    return out;
  }
}
