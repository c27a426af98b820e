package fr.aiguillage.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * scripts/soak-crash.sh's clients: booking and cancelling operators who keep working while the service is
 * killed under them. A booking whose answer is lost (connection cut) is sent again with the same
 * Idempotency-Key and body until it gets an answer, as the console does. Every booking answered 201 goes to
 * {@code booked.csv} (key, appointment id), every cancellation answered 2xx to {@code cancelled.csv}, every
 * cancellation sent without an answer to {@code cancel-unknown.csv}, every 5xx other than 503 to
 * {@code server-errors.txt} (time, request, X-Request-Id, body: to find it in the service's log). Runs until
 * {@code stop} exists.
 * Arguments: base URL, login, password, clients, output directory.
 */
public final class SoakClients {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final long GIVE_UP_MILLIS = 180_000;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;
  private final String login;
  private final String password;
  private final Path out;
  private volatile String token;
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  private SoakClients(String base, String login, String password, Path out) {
    this.base = base;
    this.login = login;
    this.password = password;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    SoakClients soak = new SoakClients(args[0], args[1], args[2], Path.of(args[4]));
    int clients = Integer.parseInt(args[3]);
    soak.token = soak.setUp(soak::signIn);
    try (PrintWriter booked = writer(soak.out.resolve("booked.csv"));
         PrintWriter cancelled = writer(soak.out.resolve("cancelled.csv"));
         PrintWriter unknown = writer(soak.out.resolve("cancel-unknown.csv"))) {
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int n = c;
        String patient = soak.setUp(() -> soak.patient(n));
        long seed = c;
        threads.add(new Thread(() -> soak.work(patient, new Random(seed), booked, cancelled, unknown), "client-" + c));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
    }
    System.out.println("clients: " + new java.util.TreeMap<>(soak.counts));
  }

  private interface Step {
    String run() throws IOException;
  }

  /** A set-up step, tried again for two minutes: the first start can be slow on a busy machine. */
  private String setUp(Step step) throws IOException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (true) {
      try {
        return step.run();
      } catch (IOException e) {
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
        pause();
      }
    }
  }

  private static PrintWriter writer(Path file) throws IOException {
    return new PrintWriter(Files.newBufferedWriter(file), true);
  }

  private void work(String patient, Random random, PrintWriter booked, PrintWriter cancelled, PrintWriter unknown) {
    List<String> mine = new ArrayList<>();
    while (!Files.exists(out.resolve("stop"))) {
      try {
        List<String> slots = freeSlots();
        if (!slots.isEmpty()) {
          String appointment = book(patient, slots.get(random.nextInt(slots.size())), booked);
          if (appointment != null) {
            mine.add(appointment);
          }
        }
        if (!mine.isEmpty() && (slots.isEmpty() || random.nextBoolean())) {
          cancel(mine.remove(random.nextInt(mine.size())), cancelled, unknown);
        }
      } catch (IOException | RuntimeException e) {
        count("error " + e.getClass().getSimpleName());
        pause();
      }
    }
  }

  private List<String> freeSlots() throws IOException {
    HttpResponse<String> r = send(get("/api/v1/slots/search?communeInsee=34301&profession=GENERAL_PRACTITIONER"
        + "&within=P7D&limit=50&acrossTerritories=true"));
    count("search " + r.statusCode());
    if (r.statusCode() != 200) {
      pause();
      return List.of();
    }
    JsonArray results = new JsonObject(r.body()).getJsonArray("results");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      ids.add(results.getJsonObject(i).getJsonObject("slot").getString("id"));
    }
    return ids;
  }

  /** Books until an answer comes back; the appointment id when it is 201. */
  private String book(String patient, String slot, PrintWriter booked) {
    String key = UUID.randomUUID().toString();
    String body = new JsonObject().put("slotId", slot).put("patientId", patient).put("reason", "soak").encode();
    long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
    for (int attempt = 0; System.currentTimeMillis() < deadline; attempt++) {
      try {
        HttpResponse<String> r = send(post("/api/v1/appointments", body).header("Idempotency-Key", key));
        count("book " + r.statusCode() + (attempt > 0 ? " after retry" : ""));
        if (r.statusCode() == 201) {
          String id = new JsonObject(r.body()).getString("id");
          String earlier = acknowledged.putIfAbsent(key, id);
          if (earlier != null && !earlier.equals(id)) {
            count("KEY ANSWERED WITH TWO APPOINTMENTS");
          }
          booked.println(key + "," + id);
          return id;
        }
        if (r.statusCode() < 500) {
          return null;
        }
      } catch (IOException cut) {
        count("book: no answer, retried");
      }
      pause();
    }
    count("book given up");
    return null;
  }

  /** One try: a cancellation without an answer may or may not have happened. */
  private void cancel(String appointment, PrintWriter cancelled, PrintWriter unknown) {
    try {
      HttpResponse<String> r = send(post("/api/v1/appointments/" + appointment + "/cancel",
          new JsonObject().put("reason", "soak").encode()));
      count("cancel " + r.statusCode());
      (r.statusCode() / 100 == 2 ? cancelled : unknown).println(appointment);
    } catch (IOException cut) {
      count("cancel: no answer");
      unknown.println(appointment);
      pause();
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 500 && r.statusCode() != 503) {
        serverError(r);
      }
      if (r.statusCode() == 401) {
        token = signIn();
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** A 5xx other than "database away" (503) is a bug: kept with its request id. */
  private synchronized void serverError(HttpResponse<String> r) throws IOException {
    Files.writeString(out.resolve("server-errors.txt"), java.time.Instant.now() + " " + r.request().method() + " "
        + r.request().uri().getRawPath() + " " + r.statusCode() + " "
        + r.headers().firstValue("X-Request-Id").orElse("-") + " " + r.body().replace('\n', ' ') + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  private String signIn() throws IOException {
    HttpResponse<String> r = sendAnonymous(post("/api/v1/auth/login", new JsonObject().put("login", login)
        .put("password", password).encode()));
    if (r.statusCode() != 200) {
      throw new IOException("sign-in answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body()).getString("token");
  }

  private HttpResponse<String> sendAnonymous(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private String patient(int n) throws IOException {
    HttpResponse<String> r = send(post("/api/v1/patients", new JsonObject().put("familyName", "Endurance")
        .put("givenName", "Client" + n).put("birthDate", "1970-01-01").put("phone", String.format("04 65 71 98 %02d", n))
        .put("communeInsee", "34301").encode()));
    if (r.statusCode() != 201) {
      throw new IOException("patient answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body()).getString("id");
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private void count(String what) {
    counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  /** Between retries while the service is down: a client would not hammer a dead server either. */
  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
