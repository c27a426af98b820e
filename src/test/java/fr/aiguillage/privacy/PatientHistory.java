package fr.aiguillage.privacy;

import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One invented patient with a record of every kind, made through the API: a call matched to them, its triage, an
 * appointment booked from that call, and a waiting-list request (closed when asked).
 */
final class PatientHistory {

  private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();

  final String patientId;
  final String callId;
  final String triageId;
  final String appointmentId;
  final String waitlistId;

  private PatientHistory(String patientId, String callId, String triageId, String appointmentId, String waitlistId) {
    this.patientId = patientId;
    this.callId = callId;
    this.triageId = triageId;
    this.appointmentId = appointmentId;
    this.waitlistId = waitlistId;
  }

  /** Slot on the day after the server's clock (2026-11-24, 10 h 00 Paris). */
  static PatientHistory of(TestServer server, String coordinator, String operator, boolean closeRequest) {
    BookingScenario scenario = new BookingScenario(server, coordinator);
    int n = SERIAL.incrementAndGet();
    String phone = String.format("06 11 22 %02d %02d", n / 100 % 100, n % 100);
    String patientId = scenario.patient(Fixtures.aPatientInSete().put("phone", phone)
        .put("birthDate", String.format("1984-%02d-%02d", 1 + n / 28 % 12, 1 + n % 28)));
    String callId = created(server, "/api/v1/calls", operator, new JsonObject().put("territoryId", Fixtures.THAU)
        .put("caller", phone).put("patientId", patientId).put("note", "Rappeler après 17 h"));
    String triageId = created(server, "/api/v1/triage", operator, new JsonObject().put("callId", callId)
        .put("patientId", patientId).put("age", 34).put("sex", "F").put("complaint", "URINARY_SYMPTOMS")
        .put("answers", new JsonObject().put("temperatureC", 37.0).put("flankPain", false).put("pregnant", false)
            .put("immunocompromised", false).put("recurrentEpisodes", 0)));
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String slot = scenario.slot(gp, "2026-11-24T10:00:00+01:00", "2026-11-24T10:20:00+01:00");
    String appointmentId = created(server, "/api/v1/appointments", operator,
        BookingScenario.booking(slot, patientId).put("callId", callId).put("notification", new JsonObject()
            .put("notificationChannel", "SMS").put("notificationConsent", true)));
    String waitlistId = created(server, "/api/v1/waitlist", coordinator, new JsonObject().put("patientId", patientId)
        .put("source", "PROFESSIONAL").put("notes", "Cherche un médecin traitant à Sète"));
    if (closeRequest) {
      var closed = server.http.post("/api/v1/waitlist/" + waitlistId + "/close", coordinator,
          new JsonObject().put("reason", "MOVED_AWAY"));
      assertThat(closed.statusCode()).as(closed.bodyAsString()).isEqualTo(200);
    }
    return new PatientHistory(patientId, callId, triageId, appointmentId, waitlistId);
  }

  static String operatorOf(TestServer server, String login) {
    return server.tokenFor(login, List.of("OPERATOR"), List.of(Fixtures.THAU), null);
  }

  private static String created(TestServer server, String path, String token, JsonObject body) {
    var response = server.http.post(path, token, body);
    assertThat(response.statusCode()).as(path + " " + response.bodyAsString()).isEqualTo(201);
    JsonObject json = response.bodyAsJsonObject();
    return json.containsKey("id") ? json.getString("id") : json.getJsonObject("appointment").getString("id");
  }

  static List<String> ids(JsonArray rows) {
    return rows.stream().map(r -> ((JsonObject) r).getString("id")).toList();
  }
}
