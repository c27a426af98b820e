package fr.aiguillage.patient;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatientTest extends ApiTest {

  private String operator;
  private String patientId;

  @BeforeAll
  void aPatient() {
    operator = server.tokenFor("patient-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    var created = http.post("/api/v1/patients", operator, Fixtures.aPatientInSete().put("phone", "06 11 22 33 44")
        .put("fragility", new JsonArray().add("ALD").add("CSS")).put("hasMt", false));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    patientId = created.bodyAsJsonObject().getString("id");
  }

  @Test
  @DisplayName("a registered patient is stored with an E.164 phone, their territory, and read back")
  void created() {
    String id = http.post("/api/v1/patients", operator, Fixtures.aPatientInSete().put("phone", "06 11 22 33 45")
        .put("fragility", new JsonArray().add("ALD").add("CSS")).put("hasMt", false)).bodyAsJsonObject().getString("id");
    JsonObject p = http.get("/api/v1/patients/" + id, operator).bodyAsJsonObject();
    assertThat(p.getString("phone")).isEqualTo("+33611223345");
    assertThat(p.getString("territoryId")).isEqualTo(Fixtures.THAU);
    assertThat(p.getJsonArray("fragility").getList()).containsExactly("ALD", "CSS");
    assertThat(p.getBoolean("hasMt")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0611223344", "06 11 22 33 44", "06.11.22.33.44", "+33611223344", "+33 6 11 22 33 44",
      "0033611223344"})
  @DisplayName("caller-ID lookup finds the patient however the number is written")
  void findByPhone(String written) {
    String encoded = URLEncoder.encode(written, StandardCharsets.UTF_8);
    var found = http.get("/api/v1/patients?phone=" + encoded, operator);
    assertThat(found.statusCode()).as(found.bodyAsString()).isEqualTo(200);
    assertThat(found.bodyAsJsonObject().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
        .contains(patientId);
  }

  @Test
  @DisplayName("an unencoded + in the lookup is understood; an unparsable number is a 400")
  void lookupEdges() {
    assertThat(http.get("/api/v1/patients?phone=+33611223344", operator).bodyAsJsonObject().getJsonArray("items"))
        .isNotEmpty();
    assertInvalidField(http.get("/api/v1/patients?phone=15", operator), "phone");
    assertInvalidField(http.get("/api/v1/patients", operator), "phone");
  }

  @Test
  @DisplayName("PATCH changes the given fields with the same validation")
  void patch() {
    var changed = http.patch("/api/v1/patients/" + patientId, operator,
        new JsonObject().put("hasMt", true).put("communeInsee", "34108"));
    assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);
    assertThat(changed.bodyAsJsonObject().getBoolean("hasMt")).isTrue();
    assertThat(changed.bodyAsJsonObject().getString("familyName")).isEqualTo("Patiente");
    assertInvalidField(http.patch("/api/v1/patients/" + patientId, operator, new JsonObject().put("phone", "17")),
        "phone");
    assertInvalidField(http.patch("/api/v1/patients/" + patientId, operator,
        new JsonObject().put("communeInsee", "75056")), "communeInsee");
  }

  @Test
  @DisplayName("bad input names its field: unknown fragility, future birth date, unknown commune, missing name")
  void validation() {
    assertInvalidField(http.post("/api/v1/patients", operator, Fixtures.aPatientInSete()
        .put("fragility", new JsonArray().add("RICH"))), "fragility[0]");
    assertInvalidField(http.post("/api/v1/patients", operator, Fixtures.aPatientInSete()
        .put("birthDate", "2031-01-01")), "birthDate");
    assertInvalidField(http.post("/api/v1/patients", operator, Fixtures.aPatientInSete()
        .put("communeInsee", "75056")), "communeInsee");
    JsonObject noName = Fixtures.aPatientInSete();
    noName.remove("familyName");
    assertInvalidField(http.post("/api/v1/patients", operator, noName), "familyName");
  }

  @Test
  @DisplayName("every read and write of a patient is in the audit trail; admin and other territories get 403")
  void auditAndAccess() {
    http.get("/api/v1/patients/" + patientId, operator);
    var rows = http.get("/api/v1/audit?entityType=patient&limit=1000", server.adminToken()).bodyAsJsonObject()
        .getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(r -> patientId.equals(r.getString("entityId"))).map(r -> r.getString("action")).toList();
    assertThat(rows).contains("patient.create", "patient.read");
    assertProblem(http.get("/api/v1/patients/" + patientId, server.adminToken()), 403, "FORBIDDEN");
    String elsewhere = server.tokenFor("patient-berange", List.of("OPERATOR"), List.of(Fixtures.BERANGE), null);
    assertProblem(http.get("/api/v1/patients/" + patientId, elsewhere), 403, "FORBIDDEN");
    assertThat(http.get("/api/v1/patients?phone=0611223344", elsewhere).bodyAsJsonObject().getJsonArray("items"))
        .isEmpty();
    assertProblem(http.post("/api/v1/patients", elsewhere, Fixtures.aPatientInSete()), 403, "FORBIDDEN");
  }
}
