package fr.aiguillage.triage;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The triage as a guided conversation: vocabulary, preview, next questions, rule and explanation. */
class TriageGuidanceApiTest extends ApiTest {

  private String operator;

  @BeforeAll
  void accounts() {
    operator = server.tokenFor("guide-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
  }

  private JsonObject preview(JsonObject body) {
    var response = http.post("/api/v1/triage/preview", operator, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static JsonObject questionnaire(double age, String sex, String complaint, JsonObject answers) {
    return new JsonObject().put("age", age).put("sex", sex).put("complaint", complaint).put("answers", answers);
  }

  private static List<String> keys(JsonObject answer) {
    return answer.getJsonArray("questions").stream().map(q -> ((JsonObject) q).getString("key")).toList();
  }

  private static String profession(JsonObject answer) {
    return answer.getJsonObject("orientation").getString("profession");
  }

  private int triageAuditRows() {
    return http.get("/api/v1/audit?entityType=triage&limit=1000", server.adminToken()).bodyAsJsonObject()
        .getJsonArray("items").size();
  }

  @Test
  @DisplayName("a body over 16 KB (validated off the event loop) is held to the contract like a small one: 12 red flags are refused")
  void largeBodyHeldToTheContract() {
    String flags = "\"redFlags\": [" + String.join(", ", java.util.Collections.nCopies(12, "\"CHEST_PAIN\"")) + "]";
    for (String padding : List.of("", " ".repeat(20_000))) {
      var refused = http.send(HttpMethod.POST, "/api/v1/triage", operator,
          Buffer.buffer("{\"age\": 60, \"sex\": \"M\", \"complaint\": \"OTHER\"," + padding + flags + "}"));
      assertInvalidField(refused, "redFlags");
      var accepted = http.send(HttpMethod.POST, "/api/v1/triage", operator,
          Buffer.buffer("{\"age\": 60, \"sex\": \"M\", \"complaint\": \"OTHER\"," + padding
              + "\"redFlags\": [\"CHEST_PAIN\"]}"));
      assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(201);
      assertThat(accepted.bodyAsJsonObject().getString("urgency")).isEqualTo("VITAL");
    }
  }

  @Test
  @DisplayName("the vocabulary lists red flags, complaints with their questions, and typed questions in French")
  void vocabulary() {
    var response = http.get("/api/v1/triage/vocabulary", operator);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject v = response.bodyAsJsonObject();
    assertThat(v.getString("rulesVersion")).isNotBlank();
    assertThat(v.getJsonArray("redFlags")).contains(new JsonObject().put("key", "CHEST_PAIN")
        .put("label", "Douleur thoracique"));
    JsonObject urinary = v.getJsonArray("complaints").stream().map(c -> (JsonObject) c)
        .filter(c -> c.getString("key").equals("URINARY_SYMPTOMS")).findFirst().orElseThrow();
    assertThat(urinary.getString("label")).isEqualTo("Brûlures urinaires");
    assertThat(urinary.getJsonArray("questions").getList()).contains("temperatureC", "flankPain", "pregnant");
    JsonObject temperature = v.getJsonArray("questions").stream().map(q -> (JsonObject) q)
        .filter(q -> q.getString("key").equals("temperatureC")).findFirst().orElseThrow();
    assertThat(temperature.getString("type")).isEqualTo("number");
    assertThat(temperature.getString("unit")).isEqualTo("°C");
    assertThat(temperature.getDouble("minimum")).isEqualTo(30.0);
    assertThat(temperature.getDouble("maximum")).isEqualTo(45.0);
    assertThat(v.getJsonArray("questions")).contains(new JsonObject().put("key", "pregnant")
        .put("label", "Enceinte ?").put("type", "boolean"));
    assertProblem(http.get("/api/v1/triage/vocabulary", server.adminToken()), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("a sore throat without the immunocompromised answer returns the question instead of a protocol")
  void soreThroatAsks() {
    JsonObject answer = preview(questionnaire(25, "F", "SORE_THROAT", new JsonObject()));
    assertThat(profession(answer)).isEqualTo("GENERAL_PRACTITIONER");
    assertThat(keys(answer)).first().isEqualTo("immunocompromised");
    JsonObject question = answer.getJsonArray("questions").getJsonObject(0);
    assertThat(question.getString("type")).isEqualTo("boolean");
    assertThat(question.getString("label")).isNotBlank();
    assertThat(question.getString("why")).contains("angine-pharmacien");
  }

  @Test
  @DisplayName("once immunocompromised is answered no, the sore throat goes to the pharmacist and nothing is left to ask")
  void soreThroatAnswered() {
    JsonObject answer = preview(questionnaire(25, "F", "SORE_THROAT", new JsonObject().put("immunocompromised", false)));
    assertThat(profession(answer)).isEqualTo("PHARMACIST");
    assertThat(answer.getString("ruleId")).isEqualTo("angine-pharmacien");
    assertThat(answer.getString("explanation")).contains("pharmacien");
    assertThat(answer.getJsonArray("questions")).isEmpty();
  }

  @Test
  @DisplayName("a cystitis with one exclusion criterion unanswered is not sent to the pharmacist, and the criterion is asked")
  void unansweredExclusion() {
    JsonObject answer = preview(questionnaire(30, "F", "URINARY_SYMPTOMS", new JsonObject().put("temperatureC", 37.0)
        .put("flankPain", false).put("immunocompromised", false).put("recurrentEpisodes", 0)));
    assertThat(profession(answer)).isEqualTo("GENERAL_PRACTITIONER");
    assertThat(keys(answer)).contains("pregnant");
    JsonObject answered = preview(questionnaire(30, "F", "URINARY_SYMPTOMS", new JsonObject()
        .put("temperatureC", 37.0).put("flankPain", false).put("immunocompromised", false)
        .put("recurrentEpisodes", 0).put("pregnant", false)));
    assertThat(profession(answered)).isEqualTo("PHARMACIST");
  }

  @Test
  @DisplayName("urinary symptoms with fever or flank pain: a GP the same day, never a pharmacist, even with every other answer no")
  void pyelonephritis() {
    JsonObject base = new JsonObject().put("temperatureC", 37.0).put("flankPain", false).put("pregnant", false)
        .put("immunocompromised", false).put("recurrentEpisodes", 0);
    JsonObject fever = preview(questionnaire(30, "F", "URINARY_SYMPTOMS", base.copy().put("temperatureC", 38.4)));
    JsonObject flank = preview(questionnaire(30, "F", "URINARY_SYMPTOMS", base.copy().put("flankPain", true)));
    for (JsonObject answer : List.of(fever, flank)) {
      assertThat(answer.getString("urgency")).isEqualTo("SAME_DAY");
      assertThat(profession(answer)).isEqualTo("GENERAL_PRACTITIONER");
      assertThat(answer.getString("explanation")).contains("pyélonéphrite");
    }
    assertThat(fever.getString("ruleId")).isEqualTo("pyelonephrite-fievre");
    assertThat(flank.getString("ruleId")).isEqualTo("pyelonephrite-douleur-lombaire");
  }

  @Test
  @DisplayName("nothing answered for urinary symptoms: the pyelonephritis questions come first")
  void mostDecisiveFirst() {
    JsonObject answer = preview(questionnaire(30, "F", "URINARY_SYMPTOMS", new JsonObject()));
    assertThat(keys(answer).subList(0, 2)).containsExactlyInAnyOrder("temperatureC", "flankPain");
    assertThat(keys(answer)).contains("pregnant", "immunocompromised", "recurrentEpisodes");
    assertThat(answer.getString("urgency")).isEqualTo("WITHIN_24H");
  }

  @Test
  @DisplayName("fever in a child under 3 years, or with a sign of poor tolerance, is at least SAME_DAY")
  void feverFloors() {
    JsonObject child = preview(questionnaire(2, "M", "FEVER", new JsonObject().put("temperatureC", 38.5)));
    assertThat(child.getString("urgency")).isEqualTo("SAME_DAY");
    assertThat(child.getString("ruleId")).isEqualTo("securite-fievre-enfant-moins-3-ans");
    JsonObject adult = preview(questionnaire(40, "F", "FEVER", new JsonObject().put("temperatureC", 38.5)));
    assertThat(adult.getString("urgency")).isEqualTo("WITHIN_24H");
    assertThat(keys(adult)).first().isEqualTo("poorTolerance");
    JsonObject poor = preview(questionnaire(40, "F", "FEVER", new JsonObject().put("temperatureC", 38.5)
        .put("poorTolerance", true)));
    assertThat(poor.getString("urgency")).isEqualTo("SAME_DAY");
    assertThat(poor.getString("ruleId")).isEqualTo("securite-fievre-mauvaise-tolerance");
  }

  @Test
  @DisplayName("a complaint outside every protocol gets a GP within 24 hours, with the default rule named")
  void defaultWithin24Hours() {
    JsonObject answer = preview(questionnaire(50, "M", "COUGH", new JsonObject()));
    assertThat(answer.getString("urgency")).isEqualTo("WITHIN_24H");
    assertThat(answer.getJsonObject("orientation").getString("within")).isEqualTo("PT24H");
    assertThat(answer.getString("ruleId")).isEqualTo("defaut-medecin-24h");
  }

  @Test
  @DisplayName("a preview stores nothing and writes no audit row, and gives the answer the triage then records")
  void previewIsTheSameAnswer() {
    JsonObject body = questionnaire(30, "F", "URINARY_SYMPTOMS", new JsonObject().put("temperatureC", 37.0));
    int before = triageAuditRows();
    JsonObject preview = preview(body);
    assertThat(preview.containsKey("id")).isFalse();
    assertThat(triageAuditRows()).isEqualTo(before);
    var created = http.post("/api/v1/triage", operator, body);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject recorded = created.bodyAsJsonObject();
    assertThat(recorded.copy().put("id", (String) null)).isEqualTo(preview.copy().put("id", (String) null));
    assertThat(recorded.getJsonArray("questions")).isNotEmpty();
    assertThat(triageAuditRows()).isEqualTo(before + 1);
    JsonObject read = http.get("/api/v1/triage/" + recorded.getString("id"), operator).bodyAsJsonObject();
    assertThat(read.getString("ruleId")).isEqualTo(recorded.getString("ruleId"));
    assertThat(read.getJsonArray("questions")).isEqualTo(recorded.getJsonArray("questions"));
  }

  @Test
  @DisplayName("an answer that is no question, or out of its bounds, is a 400 naming it")
  void badAnswers() {
    assertInvalidField(http.post("/api/v1/triage/preview", operator, questionnaire(30, "F", "COUGH",
        new JsonObject().put("hiccups", true))), "answers.hiccups");
    assertInvalidField(http.post("/api/v1/triage/preview", operator, questionnaire(30, "F", "COUGH",
        new JsonObject().put("temperatureC", 52))), "answers.temperatureC");
    assertInvalidField(http.post("/api/v1/triage", operator, questionnaire(30, "F", "COUGH",
        new JsonObject().put("pregnant", "maybe"))), "answers.pregnant");
    assertProblem(http.post("/api/v1/triage/preview", server.adminToken(), questionnaire(30, "F", "COUGH",
        new JsonObject())), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("a red flag is VITAL in the preview too, with the rule and nothing left to ask")
  void redFlagPreview() {
    JsonObject answer = preview(questionnaire(60, "M", "OTHER", new JsonObject())
        .put("redFlags", new JsonArray().add("CHEST_PAIN")));
    assertThat(answer.getString("urgency")).isEqualTo("VITAL");
    assertThat(answer.getString("ruleId")).isEqualTo("securite-signe-alerte");
    assertThat(answer.getString("explanation")).contains("Douleur thoracique");
    assertThat(answer.getJsonArray("questions")).isEmpty();
  }
}
