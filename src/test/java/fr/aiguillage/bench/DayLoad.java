package fr.aiguillage.bench;

import fr.aiguillage.db.DbSettings;
import fr.aiguillage.db.Pools;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench-load.sh's load: a secretariat's day compressed, against two service instances sharing one
 * database. Operators (closed loop, each on one instance, as a console is) search, triage, take calls, book and
 * cancel; {@code subscribers} call streams stay open meanwhile. After a warm-up stage (not judged), the number of
 * operators doubles each stage until an operation fails or its p99 passes 1 s; each stage prints throughput and
 * p50/p99 per operation, the open
 * streams and the events they received, and each instance's RSS. The ceiling printed beside it: GET /health
 * (HTTP + SELECT 1) through the same client at 16 callers, measured in the same run.
 * Arguments: port1 port2 pgport pid1 pid2 stage-seconds max-operators subscribers.
 */
public final class DayLoad {

  private static final long BREAK_MILLIS = 1_000;
  private static final List<JsonObject> QUESTIONNAIRES = List.of(
      new JsonObject().put("age", 30).put("sex", "F").put("complaint", "URINARY_SYMPTOMS").put("answers",
          new JsonObject().put("temperatureC", 37.2).put("flankPain", false).put("pregnant", false)),
      new JsonObject().put("age", 25).put("sex", "M").put("complaint", "SORE_THROAT").put("answers", new JsonObject()),
      new JsonObject().put("age", 2).put("sex", "F").put("complaint", "FEVER").put("answers",
          new JsonObject().put("temperatureC", 38.6)),
      new JsonObject().put("age", 60).put("sex", "M").put("complaint", "OTHER").put("answers", new JsonObject())
          .put("redFlags", new JsonArray().add("CHEST_PAIN")));
  private static final String[] TERRITORIES = {"bassin-de-thau", "montpellier-est-berange"};

  private final List<WebClient> instances;
  private final String token;
  private final String patient;
  private final List<String> communes;
  private final Queue<String> freeSlots;
  private final Queue<String> booked = new ConcurrentLinkedQueue<>();

  private DayLoad(List<WebClient> instances, String token, String patient, List<String> communes,
                  Queue<String> freeSlots) {
    this.instances = instances;
    this.token = token;
    this.patient = patient;
    this.communes = communes;
    this.freeSlots = freeSlots;
  }

  public static void main(String[] args) throws Exception {
    int[] ports = {Integer.parseInt(args[0]), Integer.parseInt(args[1])};
    long[] pids = {Long.parseLong(args[3]), Long.parseLong(args[4])};
    int seconds = Integer.parseInt(args[5]);
    int maxOperators = Integer.parseInt(args[6]);
    int subscribers = Integer.parseInt(args[7]);
    Vertx vertx = Vertx.vertx();
    List<WebClient> instances = new ArrayList<>();
    for (int port : ports) {
      instances.add(WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
          .setIdleTimeout(0), new PoolOptions().setHttp1MaxSize(maxOperators)));
    }
    Pool pool = Pools.create(vertx, new DbSettings("localhost", Integer.parseInt(args[2]), "postgres", "postgres", ""), 2);
    List<String> communes = pool.query("SELECT insee FROM commune").execute().await(10, TimeUnit.MINUTES)
        .stream().map(r -> r.getString(0)).toList();
    Queue<String> free = new ConcurrentLinkedQueue<>(pool.query("SELECT id::text FROM slot WHERE status = 'free'"
        + " AND start_at > now() + interval '1 hour' ORDER BY random() LIMIT 300000").execute()
        .await(5, TimeUnit.MINUTES).stream().map(r -> r.getString(0)).toList());
    String token = Operators.operatorToken(instances.get(0), "bench-admin-password", "load-operator",
        "load-operator-password-1", List.of(TERRITORIES));
    DayLoad day = new DayLoad(instances, token, patient(instances.get(0), token), communes, free);

    Stages.Result health = Stages.run(16, 5, i -> new Stages.Timed("health", day.instances.get(i % 2)
        .get("/health").send().map(r -> r.statusCode() == 200 ? Stages.Outcome.OK : Stages.Outcome.ERROR)), "health");
    System.out.printf("ceiling, GET /health at 16 callers over both instances: %.0f req/s, p99 %.1f ms%n",
        health.perSecond("health"), health.p99("health"));
    Streams streams = Streams.open(vertx, ports, token, subscribers);
    streams.awaitOpen(subscribers, 60);
    System.out.printf("call streams open: %d of %d%n", streams.open(), subscribers);

    // A warm-up stage, printed but not judged: without it the first stage measured the instances' JIT and cold
    // caches, and a cold p99 over 1 s stopped the run before any load was raised (decision 0040).
    Stages.Result warm = Stages.run(8, seconds, day::next, "search", "triage", "call", "book", "cancel");
    System.out.printf("%nwarm-up, 8 operators, %d s (not judged):%n", seconds);
    warm.print(Long.MAX_VALUE);
    for (int operators = 8; operators <= maxOperators; operators *= 2) {
      long eventsBefore = streams.events();
      Stages.Result stage = Stages.run(operators, seconds, day::next, "search", "triage", "call", "book", "cancel");
      System.out.printf("%n%d operators, %d s:%n", operators, seconds);
      String broke = stage.print(BREAK_MILLIS);
      System.out.printf("  all operations: %.0f req/s = %.2f of the /health ceiling%n", stage.totalPerSecond(),
          stage.totalPerSecond() / health.perSecond("health"));
      System.out.printf("  call streams: %d open, %d closed, %d events received during the stage%n",
          streams.open(), streams.closed(), streams.events() - eventsBefore);
      System.out.printf("  RSS: instance 1 %d MB, instance 2 %d MB; machine load average %s%n", rssMb(pids[0]),
          rssMb(pids[1]), loadAverage());
      if (streams.closed() > 0 && broke == null) {
        broke = "call streams (" + streams.closed() + " closed; the first: " + streams.firstLoss() + ")";
      }
      if (broke != null) {
        System.out.printf("%nBROKE FIRST at %d operators: %s%n", operators, broke);
        break;
      }
    }
    streams.close();
    vertx.close().await(10, TimeUnit.MINUTES);
  }

  /** One operator's next act, on its own instance; the operation's name first. */
  private Stages.Timed next(int operator) {
    WebClient client = instances.get(operator % 2);
    int roll = ThreadLocalRandom.current().nextInt(100);
    if (roll < 40) {
      return new Stages.Timed("search", search(client));
    } else if (roll < 60) {
      return new Stages.Timed("triage", client.post("/api/v1/triage").bearerTokenAuthentication(token)
          .sendJsonObject(QUESTIONNAIRES.get(ThreadLocalRandom.current().nextInt(QUESTIONNAIRES.size())))
          .map(r -> outcome("triage", r, 201)));
    } else if (roll < 70) {
      return new Stages.Timed("call", client.post("/api/v1/calls").bearerTokenAuthentication(token)
          .sendJsonObject(new JsonObject().put("territoryId", TERRITORIES[operator % 2]).put("note", "charge"))
          .map(r -> outcome("call", r, 201)));
    }
    String toCancel = roll >= 90 ? booked.poll() : null;
    return toCancel != null ? new Stages.Timed("cancel", cancel(client, toCancel))
        : new Stages.Timed("book", book(client));
  }

  private Future<Stages.Outcome> search(WebClient client) {
    Random random = ThreadLocalRandom.current();
    return client.get("/api/v1/slots/search").bearerTokenAuthentication(token)
        .addQueryParam("communeInsee", communes.get(random.nextInt(communes.size())))
        .addQueryParam("profession", random.nextInt(10) < 7 ? "GENERAL_PRACTITIONER" : "PHARMACIST")
        .send().map(r -> outcome("search", r, 200));
  }

  private Future<Stages.Outcome> book(WebClient client) {
    String slot = freeSlots.poll();
    if (slot == null) {
      Stages.firstError("book", "no free slot left in the benchmark's list");
      return Future.succeededFuture(Stages.Outcome.ERROR);
    }
    return client.post("/api/v1/appointments").bearerTokenAuthentication(token)
        .putHeader("Idempotency-Key", UUID.randomUUID().toString())
        .sendJsonObject(new JsonObject().put("slotId", slot).put("patientId", patient).put("reason", "charge"))
        .map(r -> {
          if (r.statusCode() == 201) {
            booked.add(r.bodyAsJsonObject().getString("id"));
          }
          return r.statusCode() == 409 ? Stages.Outcome.REFUSED : outcome("book", r, 201);
        });
  }

  private Future<Stages.Outcome> cancel(WebClient client, String appointment) {
    return client.post("/api/v1/appointments/" + appointment + "/cancel").bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("reason", "charge")).map(r -> outcome("cancel", r, 200));
  }

  /** OK when the answer is the one expected; otherwise the first such answer of the operation is kept to be shown. */
  private static Stages.Outcome outcome(String operation, HttpResponse<Buffer> r, int expected) {
    if (r.statusCode() != expected) {
      Stages.firstError(operation, r.statusCode() + " " + r.bodyAsString());
    }
    return r.statusCode() == expected ? Stages.Outcome.OK : Stages.Outcome.ERROR;
  }

  private static String patient(WebClient client, String token) throws Exception {
    return client.post("/api/v1/patients").bearerTokenAuthentication(token).sendJsonObject(new JsonObject()
            .put("familyName", "Charge").put("givenName", "Journee").put("birthDate", "1980-01-01")
            .put("phone", "04 65 71 99 98").put("communeInsee", "34301"))
        .await(10, TimeUnit.MINUTES).bodyAsJsonObject().getString("id");
  }

  /** The machine's 1, 5 and 15-minute load averages: it is shared, so a stage's figures depend on them. */
  private static String loadAverage() {
    try {
      return String.join(" ", java.util.Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (java.io.IOException unreadable) {
      return "unknown";
    }
  }

  private static long rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (java.io.IOException | NumberFormatException gone) {
      return -1;
    }
    return -1;
  }
}
