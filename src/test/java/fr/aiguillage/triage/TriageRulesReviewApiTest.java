package fr.aiguillage.triage;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.triage.model.RedFlag;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The referent checks candidate rules against cases, and reloads the file on disk only when every case passes. */
class TriageRulesReviewApiTest extends ApiTest {

  private static final String SHIPPED = read(Path.of("config/triage-rules.json"));
  private Path rulesFile;
  private String coordinator;
  private String operator;

  @Override
  protected Map<String, String> settings() {
    try {
      Path dir = Files.createTempDirectory("triage-rules");
      rulesFile = dir.resolve("triage-rules.json");
      Files.writeString(rulesFile, SHIPPED);
      Files.copy(Path.of("config/triage-cases.json"), dir.resolve("triage-cases.json"));
      return Map.of("AIGUILLAGE_TRIAGE_RULES_FILE", rulesFile.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  void accounts() {
    coordinator = coordinatorOf("rules-coordinator", Fixtures.THAU);
    operator = server.tokenFor("rules-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
  }

  private JsonObject check(JsonObject body) {
    var response = http.post("/api/v1/triage/rules/check", coordinator, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static JsonObject aCase(String name, JsonObject in, JsonObject expect) {
    return new JsonObject().put("name", name).put("in", in).put("expect", expect);
  }

  private static JsonObject cystitis() {
    return new JsonObject().put("age", 30).put("sex", "F").put("complaint", "URINARY_SYMPTOMS").put("answers",
        new JsonObject().put("temperatureC", 37.0).put("flankPain", false).put("pregnant", false)
            .put("immunocompromised", false).put("recurrentEpisodes", 0));
  }

  private String versionInForce() {
    return http.get("/api/v1/triage/vocabulary", operator).bodyAsJsonObject().getString("rulesVersion");
  }

  @Test
  @DisplayName("the shipped file as candidate passes every shipped case; a wrong expectation fails, naming the rule")
  void checkShipped() {
    JsonObject all = check(new JsonObject().put("rules", SHIPPED));
    assertThat(all.getInteger("failed")).isZero();
    assertThat(all.getInteger("passed")).isGreaterThanOrEqualTo(60);
    JsonObject one = check(new JsonObject().put("rules", new JsonObject(SHIPPED)).put("cases", new JsonArray()
        .add(aCase("cystite vers infirmier ?", cystitis(), new JsonObject().put("profession", "NURSE")))));
    JsonObject outcome = one.getJsonArray("cases").getJsonObject(0);
    assertThat(outcome.getBoolean("passed")).isFalse();
    assertThat(outcome.getString("ruleId")).isEqualTo("cystite-simple-pharmacien");
    assertThat(outcome.getJsonArray("mismatches").getString(0)).contains("PHARMACIST");
  }

  @Test
  @DisplayName("a malformed candidate is a 400 naming the line, and is not applied")
  void malformedNamesTheLine() {
    String inForce = versionInForce();
    String broken = SHIPPED.replace("\"profession\": \"NURSE\"", "\"profession\": \"SORCERER\"");
    int line = lineOf(broken, "SORCERER");
    var response = http.post("/api/v1/triage/rules/check", coordinator, new JsonObject().put("rules", broken));
    JsonObject problem = assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(problem.getString("detail")).contains("ligne " + line).contains("SORCERER");
    String syntax = SHIPPED.replaceFirst("\"rules\": \\[", "\"rules\": [,");
    var bad = http.post("/api/v1/triage/rules/check", coordinator, new JsonObject().put("rules", syntax));
    assertThat(assertProblem(bad, 400, "VALIDATION_FAILED").getString("detail"))
        .contains("ligne " + lineOf(syntax, "\"rules\": [,"));
    assertThat(versionInForce()).isEqualTo(inForce);
  }

  @Test
  @DisplayName("every red flag still gives VITAL whatever the candidate rules say")
  void redFlagsWhateverTheCandidate() {
    JsonObject lax = new JsonObject(SHIPPED);
    lax.getJsonArray("rules").forEach(r -> ((JsonObject) r).put("when", new JsonObject())
        .put("then", new JsonObject().put("urgency", "ADVICE")));
    JsonArray cases = new JsonArray();
    for (RedFlag flag : RedFlag.values()) {
      cases.add(aCase(flag.name(), cystitis().put("redFlags", new JsonArray().add(flag.name())),
          new JsonObject().put("urgency", "VITAL")));
    }
    cases.add(aCase("sans signe d'alerte", cystitis(), new JsonObject().put("urgency", "ADVICE")));
    JsonObject report = check(new JsonObject().put("rules", lax).put("cases", cases));
    assertThat(report.getInteger("failed")).as(report.encodePrettily()).isZero();
    assertThat(report.getInteger("passed")).isEqualTo(RedFlag.values().length + 1);
  }

  @Test
  @DisplayName("checking and reloading rules is for coordinators")
  void coordinatorsOnly() {
    assertProblem(http.post("/api/v1/triage/rules/check", operator, new JsonObject().put("rules", SHIPPED)), 403,
        "FORBIDDEN");
    assertProblem(http.post("/api/v1/triage/rules/reload", operator, new JsonObject()), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("a reload with a file that breaks a shipped case is refused and the old rules stay; a good one applies")
  void reload() throws IOException {
    String before = versionInForce();
    Files.writeString(rulesFile, SHIPPED.replace(before, "2099-01-01.1")
        .replace("\"profession\": \"PHARMACIST\",\n        \"skills\": [\n          \"CYSTITIS_PROTOCOL\"",
            "\"profession\": \"NURSE\",\n        \"skills\": [\n          \"CYSTITIS_PROTOCOL\""));
    assertThat(read(rulesFile)).contains("\"NURSE\",\n        \"skills\": [\n          \"CYSTITIS_PROTOCOL\"");
    JsonObject refused = assertProblem(http.post("/api/v1/triage/rules/reload", coordinator, new JsonObject()), 409,
        "TRIAGE_CASES_FAILED");
    assertThat(refused.getString("detail")).contains(before);
    assertThat(versionInForce()).isEqualTo(before);
    Files.writeString(rulesFile, "{\"version\": \"broken\",\n \"rules\": [}");
    assertProblem(http.post("/api/v1/triage/rules/reload", coordinator, new JsonObject()), 409,
        "TRIAGE_RULES_INVALID");
    assertThat(versionInForce()).isEqualTo(before);
    Files.writeString(rulesFile, SHIPPED.replace(before, "2099-01-01.2"));
    var applied = http.post("/api/v1/triage/rules/reload", coordinator, new JsonObject());
    assertThat(applied.statusCode()).as(applied.bodyAsString()).isEqualTo(200);
    assertThat(applied.bodyAsJsonObject().getString("previousVersion")).isEqualTo(before);
    var triage = http.post("/api/v1/triage", operator, cystitis());
    assertThat(triage.bodyAsJsonObject().getString("rulesVersion")).isEqualTo("2099-01-01.2");
    var audit = http.get("/api/v1/audit?entityType=triage_rules&limit=100", server.adminToken()).bodyAsJsonObject()
        .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("detail")).toList();
    assertThat(audit).anyMatch(d -> d.contains(before) && d.contains("2099-01-01.2"));
  }

  private static int lineOf(String text, String needle) {
    return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
