package fr.aiguillage.push;

import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Push requests set up through the API: GPs who take requests, a patient with a triage, the request, the links. */
final class PushScenario {

  private static final AtomicInteger PHONES = new AtomicInteger(10_000);
  private static final AtomicInteger LOGINS = new AtomicInteger();

  final TestServer server;
  final String coordinator;
  final String operator;
  private final String territory;
  private final String patientCommune;

  PushScenario(TestServer server, String prefix) {
    this(server, prefix, Fixtures.THAU, Fixtures.SETE);
  }

  /** The same in another territory, its patients living in {@code patientCommune}. */
  PushScenario(TestServer server, String prefix, String territory, String patientCommune) {
    this.server = server;
    this.territory = territory;
    this.patientCommune = patientCommune;
    this.coordinator = server.tokenFor(prefix + "-coordinator", List.of("COORDINATOR"), List.of(territory), null);
    this.operator = server.tokenFor(prefix + "-operator", List.of("OPERATOR"), List.of(territory), null);
  }

  /** A GP practising in this commune, taking requests at any hour, with a phone of their own. */
  JsonObject gp(String communeInsee) {
    JsonObject gp = professional(Fixtures.aProfessional("GENERAL_PRACTITIONER", communeInsee));
    takesRequests(gp, true);
    return gp;
  }

  JsonObject professional(JsonObject body) {
    body.put("phone", "+33612" + String.format("%06d", PHONES.incrementAndGet()));
    HttpResponse<Buffer> created = server.http.post("/api/v1/professionals", server.adminToken(), body);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject();
  }

  void takesRequests(JsonObject professional, boolean takes) {
    HttpResponse<Buffer> put = server.http.send(io.vertx.core.http.HttpMethod.PUT, "/api/v1/professionals/"
        + professional.getString("id") + "/push-settings", coordinator,
        new JsonObject().put("takesRequests", takes).put("hours", new JsonArray()).toBuffer());
    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
  }

  /** A patient of Sète (or of the scenario's commune), an adult with a badly tolerated fever: a GP the same day. Returns the triage id. */
  String feverTriage() {
    return feverTriage(false);
  }

  /** The same patient, who agreed (or not) to be told of their appointments by SMS. */
  String feverTriage(boolean notified) {
    String patient = ok(server.http.post("/api/v1/patients", coordinator, Fixtures.aPatientInSete()
        .put("notificationConsent", notified).put("communeInsee", patientCommune).put("phone", "+33698" + String.format("%06d", PHONES.incrementAndGet()))), 201).getString("id");
    return ok(server.http.post("/api/v1/triage", operator, new JsonObject().put("patientId", patient).put("age", 40)
        .put("sex", "F").put("complaint", "FEVER").put("answers", new JsonObject().put("temperatureC", 38.5)
            .put("poorTolerance", true))), 201).getString("id");
  }

  JsonObject send(String triageId, String mtProfessionalId) {
    JsonObject body = new JsonObject().put("triageId", triageId).put("note", "Rappeler avant de passer");
    if (mtProfessionalId != null) {
      body.put("mtProfessionalId", mtProfessionalId);
    }
    return ok(server.http.post("/api/v1/push-requests", operator, body), 201);
  }

  JsonObject get(String requestId) {
    return ok(server.http.get("/api/v1/push-requests/" + requestId, operator), 200);
  }

  /** One run of the ring job and of the messages' sender, as the timer would. */
  int tick() {
    return Await.result(server.vertx.eventBus().<Integer>request(PushModule.TICK_ADDRESS, null)).body();
  }

  /** The messages written to the journal (no gateway configured here), by recipient. */
  Map<String, JsonObject> messages() {
    JsonArray items = ok(server.http.get("/api/v1/notification-journal?territoryId=" + Fixtures.THAU
        + "&limit=500", coordinator), 200).getJsonArray("items");
    Map<String, JsonObject> byRecipient = new HashMap<>();
    items.stream().map(JsonObject.class::cast).filter(m -> m.getString("body").contains("/demande/"))
        .forEach(m -> byRecipient.putIfAbsent(m.getString("recipient"), m));
    return byRecipient;
  }

  /** The token of the link sent to this professional about the latest request they were sent. */
  String token(JsonObject professional) {
    Map<String, JsonObject> messages = messages();
    JsonObject message = messages.get(professional.getString("phone"));
    String pro = professional.getString("id");
    assertThat(message).as("a message to " + professional.getString("phone") + " among " + messages.keySet()
            + "; notices " + server.count("SELECT count(*) FROM direct_notice WHERE topic = 'push.asked' AND professional_id = '"
            + pro + "'")
            + ", sent " + server.count("SELECT count(*) FROM direct_notice WHERE topic = 'push.asked' AND status = 'sent'"
            + " AND professional_id = '"
            + pro + "'") + ", asked " + server.count("SELECT count(*) FROM push_recipient WHERE professional_id = '"
            + pro + "'"))
        .isNotNull();
    return tokenIn(message);
  }

  static String tokenIn(JsonObject message) {
    String body = message.getString("body");
    return body.substring(body.indexOf("/demande/") + "/demande/".length()).split("\\s")[0];
  }

  String sessionOf(JsonObject professional) {
    return server.tokenFor("pro-" + LOGINS.incrementAndGet(), List.of("PROFESSIONAL"), List.of(territory),
        professional.getString("id"));
  }

  static String siteOf(JsonObject professional) {
    return professional.getJsonArray("sites").getJsonObject(0).getString("id");
  }

  static JsonObject ok(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }
}
