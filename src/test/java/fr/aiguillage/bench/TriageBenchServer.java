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
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The service side of scripts/bench-triage.sh: the whole service on the demo data (its own embedded PostgreSQL under
 * target/bench-triage-pg), signed in as the demo operator. The load comes from another process (wrk), so the
 * generator does not share this JVM's threads, heap or JIT. Writes into {@code target/bench-triage-run/}: {@code port},
 * {@code token}, {@code bodies} (the questionnaire mix, one JSON body a line: from nothing answered to a full protocol)
 * and {@code engine} (the same mix through the engine alone, µs per questionnaire: the floor no HTTP stack goes
 * under); then serves until the file {@code stop} appears there.
 */
public final class TriageBenchServer {

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
    Path run = Path.of("target", "bench-triage-run");
    Files.createDirectories(run);
    Files.deleteIfExists(run.resolve("stop"));
    Files.writeString(run.resolve("engine"), String.format(java.util.Locale.ROOT, "%.1f", engineAlone(200_000)));
    Files.writeString(run.resolve("bodies"),
        MIX.stream().map(JsonObject::encode).collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
    try (DatabaseServer db = BenchDatabase.fresh("bench-triage-pg")) {
      Vertx vertx = Vertx.vertx();
      // AIGUILLAGE_HTTP_EVENT_LOOPS from the environment, to compare one event loop with several (decision 0025)
      Map<String, String> env = new java.util.HashMap<>(Map.of("AIGUILLAGE_DEMO_ENABLED", "true"));
      String loops = System.getenv("AIGUILLAGE_HTTP_EVENT_LOOPS");
      if (loops != null) {
        env.put("AIGUILLAGE_HTTP_EVENT_LOOPS", loops);
      }
      AppConfig config = ConfigLoader.load(env).withHttpPort(0);
      AiguillageVerticle service = new AiguillageVerticle(config, db.settings(),
          new Secrets("bench-admin-password", "bench-demo-password"), Clock.systemUTC());
      vertx.deployVerticle(service).await(5, TimeUnit.MINUTES);
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
          .setDefaultPort(service.actualPort()));
      String operator = client.post("/api/v1/auth/login").sendJsonObject(new JsonObject().put("login", "operateur")
          .put("password", "bench-demo-password")).await(1, TimeUnit.MINUTES).bodyAsJsonObject().getString("token");
      client.close();
      Files.writeString(run.resolve("token"), operator);
      Files.writeString(run.resolve("loops"), Integer.toString(service.httpEventLoops()));
      Files.writeString(run.resolve("port"), Integer.toString(service.actualPort()));
      while (!Files.exists(run.resolve("stop"))) {
        Thread.sleep(200);
      }
      vertx.close().await(1, TimeUnit.MINUTES);
    }
  }

  /** The same mix through the engine alone, after a warm-up. */
  private static double engineAlone(int n) throws Exception {
    TriageEngine engine = new TriageEngine(TriageRules.load(Path.of("config/triage-rules.json")));
    List<TriageRequest> mix = MIX.stream().map(TriageBenchServer::request).toList();
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
