package fr.aiguillage.triage;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /triage/preview} checks its body by hand (decision 0035), {@code POST /triage} takes the same body
 * through the contract's validator: every bad body below gets from both a 400 problem naming the same fields.
 */
class QuestionnaireBodyTest extends ApiTest {

  private static final String OK = "\"age\": 30, \"sex\": \"F\", \"complaint\": \"COUGH\"";
  private static final String ID = "0b6d3f0e-8a51-4c39-9d7e-2f4c1a9b7e10";

  private String operator;

  @BeforeAll
  void accounts() {
    operator = server.tokenFor("body-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
  }

  private static List<String> badBodies() {
    String thirteenFlags = IntStream.range(0, 12).mapToObj(i -> "\"CHEST_PAIN\"").collect(Collectors.joining(","));
    String manyAnswers = IntStream.range(0, 101).mapToObj(i -> "\"q" + i + "\": true")
        .collect(Collectors.joining(","));
    List<String> bodies = new ArrayList<>(List.of(
        "[]", "\"questionnaire\"", "12", "null", "{}", "{\"age\": 30, \"sex\": \"F\"}", "{\"complaint\": \"COUGH\"}",
        "{\"age\": \"30\", \"sex\": \"F\", \"complaint\": \"COUGH\"}",
        "{\"age\": null, \"sex\": \"F\", \"complaint\": \"COUGH\"}",
        "{\"age\": true, \"sex\": \"F\", \"complaint\": \"COUGH\"}",
        "{\"age\": 131, \"sex\": \"F\", \"complaint\": \"COUGH\"}",
        "{\"age\": -0.5, \"sex\": \"F\", \"complaint\": \"COUGH\"}",
        "{\"age\": 30, \"sex\": \"f\", \"complaint\": \"COUGH\"}",
        "{\"age\": 30, \"sex\": 1, \"complaint\": \"COUGH\"}",
        "{\"age\": 30, \"sex\": null, \"complaint\": \"COUGH\"}",
        "{\"age\": 30, \"sex\": \"F\", \"complaint\": \"cough\"}",
        "{\"age\": 30, \"sex\": \"F\", \"complaint\": 3}",
        "{\"age\": 30, \"sex\": \"F\", \"complaint\": null}",
        "{\"age\": 30, \"sex\": \"F\", \"complaint\": [\"COUGH\"]}",
        "{\"age\": 30, \"sex\": \"X\", \"complaint\": \"HICCUPS\", \"redFlags\": [\"SNEEZE\"], \"extra\": 1}"));
    for (String field : List.of(
        "\"redFlags\": \"CHEST_PAIN\"", "\"redFlags\": null", "\"redFlags\": [null]", "\"redFlags\": [1]",
        "\"redFlags\": [\"CHEST_PAIN\", \"chest_pain\"]", "\"redFlags\": [" + thirteenFlags + "]",
        "\"redFlags\": {}", "\"answers\": []", "\"answers\": \"none\"", "\"answers\": null",
        "\"answers\": {\"fever\": null}", "\"answers\": {\"temperatureC\": {}}", "\"answers\": {\"pregnant\": [true]}",
        "\"answers\": {" + manyAnswers + "}", "\"answers\": {\"hiccups\": true}",
        "\"answers\": {\"temperatureC\": 52}", "\"answers\": {\"pregnant\": \"maybe\"}", "\"extra\": 1",
        "\"callId\": \"nope\"", "\"callId\": 12", "\"callId\": null", "\"patientId\": \"" + ID + "x\"",
        "\"patientId\": \"urn:uuid:" + ID + "\"", "\"patientId\": \"" + ID.replace("-", "") + "\"",
"\"answers\": {\"pregnant\\u0001\": true}", "\"answers\": {\"a\": \"\\u0007\"}")) {
      bodies.add("{" + OK + ", " + field + "}");
    }
    bodies.addAll(List.of("{" + OK + "} trailing", "{" + OK + "}{}", "{" + OK, "", "   "));
    return bodies;
  }

  private static Set<String> fields(HttpResponse<Buffer> response) {
    JsonObject problem = assertProblem(response, 400, "VALIDATION_FAILED");
    return problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private HttpResponse<Buffer> send(String path, String body, String contentType) {
    return http.send(HttpMethod.POST, path, operator, Buffer.buffer(body), "Content-Type", contentType);
  }

  @Test
  @DisplayName("every bad questionnaire is a 400 naming the same fields from the preview as from the contract's check")
  void sameRefusals() {
    List<String> differ = new ArrayList<>();
    for (String body : badBodies()) {
      Set<String> contract = fields(send("/api/v1/triage", body, "application/json"));
      Set<String> preview = fields(send("/api/v1/triage/preview", body, "application/json"));
      // The contract's validator also names the list or object around a bad item; the item named is what counts.
      contract.removeIf(f -> preview.stream().anyMatch(p -> p.startsWith(f + "[") || p.startsWith(f + ".")));
      if (!contract.equals(preview)) {
        differ.add(body + " -> contract " + contract + ", preview " + preview);
      }
    }
    assertThat(differ).isEmpty();
  }

  @Test
  @DisplayName("a field name or a text with a control character is a 400 from the preview")
  void controlCharacters() {
    for (String field : List.of("\"sex\\u0000\": \"F\"", "\"answers\": {\"a\": \"\\u0007\"}")) {
      assertProblem(send("/api/v1/triage/preview", "{" + OK + ", " + field + "}", "application/json"), 400,
          "VALIDATION_FAILED");
    }
  }

  @Test
  @DisplayName("a questionnaire sent as another type than JSON is refused by the preview as by the contract")
  void notJson() {
    for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
      HttpResponse<Buffer> contract = send("/api/v1/triage", "{" + OK + "}", type);
      HttpResponse<Buffer> preview = send("/api/v1/triage/preview", "{" + OK + "}", type);
      assertThat(contract.statusCode()).as(contract.bodyAsString()).isBetween(400, 415);
      JsonObject expected = assertProblem(contract, contract.statusCode(), contract.bodyAsJsonObject().getString("code"));
      JsonObject actual = assertProblem(preview, contract.statusCode(), expected.getString("code"));
      assertThat(actual.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList())
          .as(preview.bodyAsString()).isEqualTo(expected.getJsonArray("errors").stream()
              .map(e -> ((JsonObject) e).getString("field")).toList());
    }
  }

  @Test
  @DisplayName("a full questionnaire (ids, flags, answers of each type) is read by the preview as the contract reads it")
  void fullQuestionnaire() {
    JsonObject body = new JsonObject("{" + OK + ", \"callId\": \"" + ID.toUpperCase() + "\", \"patientId\": \"" + ID
        + "\", \"redFlags\": [], \"answers\": {\"temperatureC\": 38.5, \"symptomDays\": 3, \"immunocompromised\": false}}");
    HttpResponse<Buffer> preview = http.post("/api/v1/triage/preview", operator, body);
    assertThat(preview.statusCode()).as(preview.bodyAsString()).isEqualTo(200);
    JsonObject plain = http.post("/api/v1/triage/preview", operator, new JsonObject("{" + OK
        + ", \"answers\": {\"temperatureC\": 38.5, \"symptomDays\": 3, \"immunocompromised\": false}}")).bodyAsJsonObject();
    assertThat(preview.bodyAsJsonObject()).isEqualTo(plain);
  }
}
