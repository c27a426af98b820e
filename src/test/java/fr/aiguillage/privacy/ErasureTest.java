package fr.aiguillage.privacy;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

class ErasureTest extends ApiTest {

  private String coordinator;
  private String operator;

  /** Sessions outlive the clock's moves. */
  @Override
  protected java.util.Map<String, String> settings() {
    return java.util.Map.of("AIGUILLAGE_AUTH_TOKEN_HOURS", "100000");
  }

  @BeforeAll
  void accounts() {
    coordinator = coordinatorOf("erase-coordinator", THAU);
    operator = PatientHistory.operatorOf(server, "erase-operator");
  }

  @org.junit.jupiter.api.BeforeEach
  void monday() {
    server.clock.set(java.time.Instant.parse("2026-11-23T09:00:00Z"));
  }

  private static JsonObject because(String reason) {
    return new JsonObject().put("reason", reason);
  }

  /** A patient whose appointment is over (the clock moved two days on), with an open waiting-list request. */
  private PatientHistory aPastPatient() {
    PatientHistory history = PatientHistory.of(server, coordinator, operator, false);
    server.clock.advance(Duration.ofDays(2));
    return history;
  }

  @Test
  @DisplayName("erasure removes name, phone and exact birth date, keeps the triage and appointment, and is audited")
  void erased() {
    PatientHistory history = aPastPatient();
    var response = http.post("/api/v1/patients/" + history.patientId + "/erase", coordinator,
        because("Demande écrite de la patiente reçue le 20/11"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject doc = http.get("/api/v1/patients/" + history.patientId + "/export", coordinator).bodyAsJsonObject();
    JsonObject patient = doc.getJsonObject("patient");
    assertThat(patient.getString("familyName")).isEqualTo("Effacé");
    assertThat(patient.getString("givenName")).isEqualTo("Effacé");
    assertThat(patient.containsKey("phone")).isFalse();
    assertThat(patient.getString("birthDate")).isEqualTo("1984-01-01");
    assertThat(patient.getString("erasedAt")).isNotBlank();
    assertThat(PatientHistory.ids(doc.getJsonArray("triages"))).containsExactly(history.triageId);
    assertThat(PatientHistory.ids(doc.getJsonArray("appointments"))).containsExactly(history.appointmentId);
    JsonObject call = doc.getJsonArray("calls").getJsonObject(0);
    assertThat(call.containsKey("callerE164")).isFalse();
    assertThat(call.containsKey("note")).isFalse();
    JsonObject request = doc.getJsonArray("waitlistRequests").getJsonObject(0);
    assertThat(request.getString("status")).isEqualTo("CLOSED");
    assertThat(request.containsKey("phone")).isFalse();
    assertThat(request.containsKey("notes")).isFalse();
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE action = 'patient.erase' AND entity_id = '"
        + history.patientId + "' AND detail = 'Demande écrite de la patiente reçue le 20/11'")).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM patient WHERE family_name = 'Patiente' AND id = '"
        + history.patientId + "'")).isZero();
  }

  @Test
  @DisplayName("a second erasure of the same patient is a 409 PATIENT_ALREADY_ERASED")
  void twice() {
    PatientHistory history = aPastPatient();
    http.post("/api/v1/patients/" + history.patientId + "/erase", coordinator, because("Demande orale"));
    assertProblem(http.post("/api/v1/patients/" + history.patientId + "/erase", coordinator, because("encore")),
        409, "PATIENT_ALREADY_ERASED");
  }

  @Test
  @DisplayName("a patient with an appointment still to come is not erased: 409, nothing changed")
  void upcoming() {
    PatientHistory history = PatientHistory.of(server, coordinator, operator, false);
    assertProblem(http.post("/api/v1/patients/" + history.patientId + "/erase", coordinator, because("Demande")),
        409, "PATIENT_HAS_UPCOMING_APPOINTMENT");
    assertThat(http.get("/api/v1/patients/" + history.patientId, coordinator).bodyAsJsonObject()
        .getString("familyName")).isEqualTo("Patiente");
  }

  @Test
  @DisplayName("an erasure without a reason is a 400 naming reason; an operator may not erase")
  void refusals() {
    PatientHistory history = aPastPatient();
    assertInvalidField(http.post("/api/v1/patients/" + history.patientId + "/erase", coordinator, because(" ")),
        "reason");
    assertProblem(http.post("/api/v1/patients/" + history.patientId + "/erase", operator, because("Demande")),
        403, "FORBIDDEN");
    assertProblem(http.post("/api/v1/patients/00000000-0000-0000-0000-000000000000/erase", coordinator,
        because("Demande")), 404, "NOT_FOUND");
  }

  @Test
  @DisplayName("rectification goes through the patient update, which is audited")
  void rectification() {
    String id = new fr.aiguillage.support.BookingScenario(server, coordinator).patient(Fixtures.aPatientInSete());
    var patched = http.patch("/api/v1/patients/" + id, coordinator, new JsonObject().put("givenName", "Zoée"));
    assertThat(patched.bodyAsJsonObject().getString("givenName")).isEqualTo("Zoée");
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE action = 'patient.update' AND entity_id = '"
        + id + "'")).isEqualTo(1);
  }
}
