package fr.aiguillage.bench;

import fr.aiguillage.AiguillageVerticle;
import fr.aiguillage.Secrets;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.json.Json;
import fr.aiguillage.triage.TriageEngine;
import fr.aiguillage.triage.TriageRules;
import fr.aiguillage.triage.model.TriageRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * scripts/bench-triage.sh: POST /api/v1/triage/preview at 16 clients on the demo data, with a mix of
 * questionnaires (from nothing answered to a full protocol). Ceilings measured in the same run, same clients,
 * same number of requests: GET /health (HTTP + one database round trip, no session), GET /api/v1/triage/vocabulary
 * (HTTP + the session check, no engine), and the engine alone in-process.
 */
public final class TriageBench {

  private static final List<JsonObject> MIX = List.of(
      q(30, "F", "URINARY_SYMPTOMS", new JsonObject()),
      q(30, "F", "URINARY_SYMPTOMS", new JsonObject().put("temperatureC", 37.2).put("flankPain", false)
          .put("pregnant", false).put("immunocompromised", false).put("recurrentEpisodes", 1)),
      q(25, "M", "SORE_THROAT", new JsonObject()),
      q(25, "M", "SORE_THROAT", new JsonObject().put("immunocompromised", false)),
      q(2, "F", "FEVER", new JsonObject().put("temperatureC", 38.6)),
      q(40, "M", "ANKLE_INJURY", new JsonObject().put("canBearWeight", true)),
      q(45, "F", "LOW_BACK_PAIN", new JsonObject().put("symptomDays", 10).put("backPainWarningSigns", false)),
      q(60, "M", "OTHER", new JsonObject()).put("redFlags", new JsonArray().add("CHEST_PAIN")));

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
    try (DatabaseServer db = BenchDatabase.fresh("bench-triage-pg")) {
      Vertx vertx = Vertx.vertx();
      AppConfig config = ConfigLoader.load(Map.of("AIGUILLAGE_DEMO_ENABLED", "true")).withHttpPort(0);
      AiguillageVerticle service = new AiguillageVerticle(config, db.settings(),
          new Secrets("bench-admin-password", "bench-demo-password"), Clock.systemUTC());
      vertx.deployVerticle(service).await(5, TimeUnit.MINUTES);
      Vertx load = Vertx.vertx();
      WebClient client = WebClient.create(load, new WebClientOptions().setDefaultHost("localhost")
          .setDefaultPort(service.actualPort()), new PoolOptions().setHttp1MaxSize(clients));
      String operator = client.post("/api/v1/auth/login").sendJsonObject(new JsonObject().put("login", "operateur")
          .put("password", "bench-demo-password")).await(1, TimeUnit.MINUTES).bodyAsJsonObject().getString("token");
      List<Buffer> bodies = MIX.stream().map(JsonObject::toBuffer).toList();
      AtomicInteger next = new AtomicInteger();
      Supplier<Future<Boolean>> preview = () -> client.post("/api/v1/triage/preview").bearerTokenAuthentication(operator)
          .putHeader("Content-Type", "application/json")
          .sendBuffer(bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size())))
          .map(r -> r.statusCode() == 200);
      Supplier<Future<Boolean>> health = () -> client.get("/health").send().map(r -> r.statusCode() == 200);
      Supplier<Future<Boolean>> vocabulary = () -> client.get("/api/v1/triage/vocabulary")
          .bearerTokenAuthentication(operator).send().map(r -> r.statusCode() == 200);

      Load.run(clients, requests / 2, preview).await(10, TimeUnit.MINUTES);
      Load.run(clients, requests / 4, health).await(10, TimeUnit.MINUTES);
      Load.run(clients, requests / 4, vocabulary).await(10, TimeUnit.MINUTES);
      Load.Result p = Load.run(clients, requests, preview).await(10, TimeUnit.MINUTES);
      Load.Result h = Load.run(clients, requests, health).await(10, TimeUnit.MINUTES);
      Load.Result v = Load.run(clients, requests, vocabulary).await(10, TimeUnit.MINUTES);
      double engineMicros = engineAlone(requests);
      report("POST /api/v1/triage/preview", p);
      report("GET /health (ceiling: HTTP + SELECT 1)", h);
      report("GET /api/v1/triage/vocabulary (ceiling: HTTP + session)", v);
      System.out.printf("engine alone, in-process: %.1f µs per questionnaire%n", engineMicros);
      System.out.printf("ratios preview / health: p50 %.2f, p99 %.2f, throughput %.2f%n",
          p.percentileMillis(50) / h.percentileMillis(50), p.percentileMillis(99) / h.percentileMillis(99),
          p.perSecond() / h.perSecond());
      System.out.printf("ratios preview / vocabulary: p50 %.2f, p99 %.2f, throughput %.2f%n",
          p.percentileMillis(50) / v.percentileMillis(50), p.percentileMillis(99) / v.percentileMillis(99),
          p.perSecond() / v.perSecond());
      System.out.printf("target p99 <= 5 ms: %s%n", p.percentileMillis(99) <= 5 ? "met" : "NOT met");
      load.close().await(1, TimeUnit.MINUTES);
      vertx.close().await(1, TimeUnit.MINUTES);
    }
  }

  private static void report(String what, Load.Result r) {
    System.out.printf("%-58s %6d req, %d ok, %7.0f req/s, p50 %.2f ms, p99 %.2f ms%n", what, r.requests(), r.ok(),
        r.perSecond(), r.percentileMillis(50), r.percentileMillis(99));
  }

  /** The same mix through the engine alone, after a warm-up: the floor no HTTP stack can go under. */
  private static double engineAlone(int n) throws Exception {
    TriageEngine engine = new TriageEngine(TriageRules.load(Path.of("config/triage-rules.json")));
    List<TriageRequest> mix = MIX.stream().map(TriageBench::request).toList();
    Instant now = Instant.now();
    long sink = 0;
    for (int i = 0; i < n; i++) {
      sink += engine.assess(mix.get(i % mix.size()), now).questions().size();
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sink += engine.assess(mix.get(i % mix.size()), now).questions().size();
    }
    double micros = (System.nanoTime() - t0) / 1e3 / n;
    return sink < 0 ? -1 : micros;
  }

  private static TriageRequest request(JsonObject body) {
    try {
      return Json.MAPPER.readValue(body.encode(), TriageRequest.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject q(double age, String sex, String complaint, JsonObject answers) {
    return new JsonObject().put("age", age).put("sex", sex).put("complaint", complaint).put("answers", answers);
  }
}
