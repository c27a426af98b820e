package fr.aiguillage.triage;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TriageApiTest extends ApiTest {

  private String operator;
  private BookingScenario scenario;

  @BeforeAll
  void accounts() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    operator = server.tokenFor("triage-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    scenario = new BookingScenario(server, coordinatorOf("triage-coordinator", Fixtures.THAU));
  }

  private JsonObject triage(JsonObject body) {
    var response = http.post("/api/v1/triage", operator, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private static JsonObject chestPain(String patientId) {
    return new JsonObject().put("patientId", patientId).put("age", 58).put("sex", "M").put("complaint", "OTHER")
        .put("redFlags", new JsonArray().add("CHEST_PAIN")).put("answers", new JsonObject());
  }

  @Test
  @DisplayName("a cystitis questionnaire answers 201 with the pharmacist orientation and the rules version, audited")
  void cystitis() {
    JsonObject t = triage(new JsonObject().put("age", 34).put("sex", "F").put("complaint", "URINARY_SYMPTOMS")
        .put("answers", new JsonObject().put("temperatureC", 37.0).put("flankPain", false).put("pregnant", false)
            .put("immunocompromised", false).put("recurrentEpisodes", 0)));
    assertThat(t.getString("urgency")).isEqualTo("WITHIN_24H");
    assertThat(t.getJsonObject("orientation").getString("profession")).isEqualTo("PHARMACIST");
    assertThat(t.getJsonObject("orientation").getJsonArray("skills").getList()).containsExactly("CYSTITIS_PROTOCOL");
    assertThat(t.getJsonObject("orientation").getString("within")).isEqualTo("PT24H");
    assertThat(t.getString("rulesVersion")).isEqualTo("2026-11-29.1");
    assertThat(t.getBoolean("outOfHours")).isFalse();
    var audit = http.get("/api/v1/audit?entityType=triage&limit=100", server.adminToken()).bodyAsJsonObject()
        .getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(r -> t.getString("id").equals(r.getString("entityId"))).findFirst().orElseThrow();
    assertThat(audit.getString("detail")).contains("2026-11-29.1");
  }

  @Test
  @DisplayName("booking from a VITAL triage is refused with TRIAGE_VITAL until an operator overrides it with a reason")
  void vitalBlocksBooking() {
    String patient = scenario.patient(Fixtures.aPatientInSete());
    JsonObject t = triage(chestPain(patient));
    assertThat(t.getString("urgency")).isEqualTo("VITAL");
    assertThat(t.getString("advice")).contains("15");
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String slot = scenario.slot(gp, "2026-11-24T09:00:00+01:00", "2026-11-24T09:20:00+01:00");
    JsonObject booking = BookingScenario.booking(slot, patient).put("triageId", t.getString("id"));
    assertProblem(http.post("/api/v1/appointments", operator, booking), 409, "TRIAGE_VITAL");
    assertProblem(http.get("/api/v1/triage/" + t.getString("id") + "/slots", operator), 409, "TRIAGE_VITAL");
    assertInvalidField(http.post("/api/v1/triage/" + t.getString("id") + "/override", operator,
        new JsonObject().put("urgency", "SAME_DAY")), "reason");
    var overridden = http.post("/api/v1/triage/" + t.getString("id") + "/override", operator, new JsonObject()
        .put("urgency", "SAME_DAY").put("orientation", new JsonObject().put("profession", "GENERAL_PRACTITIONER")
            .put("within", "PT12H")).put("reason", "Douleur pariétale reproductible, avis du régulateur"));
    assertThat(overridden.statusCode()).as(overridden.bodyAsString()).isEqualTo(200);
    assertThat(overridden.bodyAsJsonObject().getString("urgency")).isEqualTo("SAME_DAY");
    assertThat(overridden.bodyAsJsonObject().getString("rulesUrgency")).isEqualTo("VITAL");
    assertThat(http.post("/api/v1/appointments", operator, booking).statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("the triage's slot search uses its profession, skill and window, at the patient's commune")
  void slotsFromTriage() {
    JsonObject pharmacy = scenario.professional(Fixtures.aProfessional("PHARMACIST", Fixtures.SETE)
        .put("familyName", "Officine").put("skills", new JsonArray().add("SORE_THROAT_RDT")));
    scenario.slot(pharmacy, "2026-11-23T14:00:00+01:00", "2026-11-23T14:15:00+01:00");
    String patient = scenario.patient(Fixtures.aPatientInSete());
    JsonObject t = triage(new JsonObject().put("patientId", patient).put("age", 25).put("sex", "F")
        .put("complaint", "SORE_THROAT").put("answers", new JsonObject().put("immunocompromised", false)));
    var found = http.get("/api/v1/triage/" + t.getString("id") + "/slots", operator);
    assertThat(found.statusCode()).as(found.bodyAsString()).isEqualTo(200);
    assertThat(found.bodyAsJsonObject().getJsonArray("results").stream()
        .map(r -> ((JsonObject) r).getJsonObject("professional").getString("familyName"))).contains("Officine");
  }

  @Test
  @DisplayName("on a Saturday afternoon the answer says out of hours and points to the on-call line")
  void saturday() {
    server.clock.set(Instant.parse("2026-11-28T14:00:00Z"));
    operator = http.login("triage-operator", "password-of-triage-operator");
    try {
      JsonObject t = triage(new JsonObject().put("age", 40).put("sex", "M").put("complaint", "COUGH"));
      assertThat(t.getBoolean("outOfHours")).isTrue();
      assertThat(t.getString("advice")).contains("116 117");
    } finally {
      server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
      operator = http.login("triage-operator", "password-of-triage-operator");
    }
  }

  @Test
  @DisplayName("bad questionnaires are 400 naming the field; administrators get 403")
  void badInput() {
    assertInvalidField(http.post("/api/v1/triage", operator, new JsonObject().put("age", 30).put("sex", "X")
        .put("complaint", "COUGH")), "sex");
    assertInvalidField(http.post("/api/v1/triage", operator, new JsonObject().put("age", 30).put("sex", "F")
        .put("complaint", "HICCUPS")), "complaint");
    assertInvalidField(http.post("/api/v1/triage", operator, new JsonObject().put("age", 30).put("sex", "F")
        .put("complaint", "COUGH").put("redFlags", new JsonArray().add("SNEEZE"))), "redFlags[0]");
    assertInvalidField(http.post("/api/v1/triage", operator, new JsonObject().put("age", -1).put("sex", "F")
        .put("complaint", "COUGH")), "age");
    assertProblem(http.post("/api/v1/triage", server.adminToken(), new JsonObject().put("age", 30).put("sex", "F")
        .put("complaint", "COUGH")), 403, "FORBIDDEN");
  }
}
