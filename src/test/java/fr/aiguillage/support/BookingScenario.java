package fr.aiguillage.support;

import io.vertx.core.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds, through the API, the things a booking test needs: professionals with slots, patients. */
public final class BookingScenario {

  private final TestServer server;
  private final String coordinator;

  public BookingScenario(TestServer server, String coordinator) {
    this.server = server;
    this.coordinator = coordinator;
  }

  public JsonObject professional(JsonObject body) {
    var response = server.http.post("/api/v1/professionals", server.adminToken(), body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  public String slot(JsonObject professional, String start, String end) {
    return slot(professional, Fixtures.aSlot(professional, start, end));
  }

  public String slot(JsonObject professional, JsonObject slot) {
    var response = server.http.post("/api/v1/professionals/" + professional.getString("id") + "/slots", coordinator,
        slot);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject().getString("id");
  }

  public String patient(JsonObject body) {
    var response = server.http.post("/api/v1/patients", coordinator, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject().getString("id");
  }

  public static JsonObject booking(String slotId, String patientId) {
    return new JsonObject().put("slotId", slotId).put("patientId", patientId).put("reason", "Fièvre depuis 2 jours");
  }
}
