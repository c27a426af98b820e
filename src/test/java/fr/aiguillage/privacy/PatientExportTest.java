package fr.aiguillage.privacy;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

class PatientExportTest extends ApiTest {

  private String coordinator;
  private PatientHistory history;

  @BeforeAll
  void aPatientWithEveryKindOfRecord() {
    coordinator = coordinatorOf("export-coordinator", THAU);
    history = PatientHistory.of(server, coordinator, PatientHistory.operatorOf(server, "export-operator"), false);
    http.get("/api/v1/patients/" + history.patientId, coordinator);
  }

  private JsonObject export() {
    var response = http.get("/api/v1/patients/" + history.patientId + "/export", coordinator);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    return response.bodyAsJsonObject();
  }

  @Test
  @DisplayName("the JSON export holds the identity, the call, its triage, the appointment, its messages and the"
      + " waiting-list request")
  void everyKind() {
    JsonObject doc = export();
    assertThat(doc.getJsonObject("patient").getString("familyName")).isEqualTo("Patiente");
    assertThat(doc.getJsonObject("patient").getString("phone")).startsWith("+3361122");
    assertThat(PatientHistory.ids(doc.getJsonArray("calls"))).containsExactly(history.callId);
    assertThat(PatientHistory.ids(doc.getJsonArray("triages"))).containsExactly(history.triageId);
    assertThat(PatientHistory.ids(doc.getJsonArray("appointments"))).containsExactly(history.appointmentId);
    assertThat(PatientHistory.ids(doc.getJsonArray("waitlistRequests"))).containsExactly(history.waitlistId);
    assertThat(doc.getJsonArray("waitlistHistory")).isNotEmpty();
    assertThat(doc.getJsonArray("notifications").stream().map(JsonObject.class::cast)
        .map(n -> n.getString("kind"))).contains("CONFIRMATION");
  }

  @Test
  @DisplayName("the export says who read the patient's record and when, by login")
  void whoRead() {
    JsonObject doc = export();
    assertThat(doc.getJsonArray("accessLog").stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("action").equals("patient.read")))
        .anyMatch(e -> e.getString("login").equals("export-coordinator") && e.getString("at").contains("+01:00"));
  }

  @Test
  @DisplayName("format=html gives a French page a patient can read, with their appointment written out")
  void html() {
    var response = http.get("/api/v1/patients/" + history.patientId + "/export?format=html", coordinator);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/html");
    assertThat(response.bodyAsString()).contains("<html lang=\"fr\">", "Rendez-vous", "Appels reçus",
        "Qui a consulté", "mardi 24 novembre 2026 à 10 h 00", "Patiente");
  }

  @Test
  @DisplayName("a browser asking for text/html gets the page too")
  void acceptHtml() {
    var response = http.send(HttpMethod.GET, "/api/v1/patients/" + history.patientId + "/export", coordinator, null,
        "Accept", "text/html,application/xhtml+xml");
    assertThat(response.getHeader("Content-Type")).startsWith("text/html");
  }

  @Test
  @DisplayName("the export is itself recorded in the audit trail")
  void audited() {
    export();
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE action = 'patient.export' AND entity_id = '"
        + history.patientId + "'")).isPositive();
  }

  @Test
  @DisplayName("an operator, or a coordinator of another territory, may not export: 403")
  void forbidden() {
    assertProblem(http.get("/api/v1/patients/" + history.patientId + "/export",
        PatientHistory.operatorOf(server, "export-operator-2")), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/patients/" + history.patientId + "/export",
        coordinatorOf("export-elsewhere", Fixtures.BERANGE)), 403, "FORBIDDEN");
  }
}
