package fr.aiguillage.triage;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aiguillage.json.Json;
import fr.aiguillage.triage.TriageRules.Malformed;
import fr.aiguillage.triage.model.Question;
import fr.aiguillage.triage.model.TriageRequest;
import fr.aiguillage.triage.model.TriageResult;
import fr.aiguillage.triage.model.Urgency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reference cases ({@code {"name", "in": questionnaire, "expect": {...}}}) the referent writes down, and their run
 * against a set of rules. {@code expect} checks only what it names: {@code urgency}, {@code profession} (null: no
 * orientation), {@code skills}, {@code ruleId}, {@code asks} (questions that must be among those asked).
 */
public final class TriageCases {

  private static final Set<String> CASE_FIELDS = Set.of("name", "in", "expect");
  private static final Set<String> EXPECT_FIELDS = Set.of("urgency", "profession", "skills", "ruleId", "asks");

  /** One reference case. */
  public record Case(String name, TriageRequest in, JsonNode expect) {
  }

  /** What a case gave, and what differed from what it expected. */
  public record Outcome(int index, String name, boolean passed, String ruleId, Urgency urgency, String profession,
                        List<String> mismatches) {
  }

  /** The run of every case against one version of the rules. */
  public record Report(String rulesVersion, int passed, int failed, List<Outcome> cases) {
  }

  private TriageCases() {
  }

  /** Reads a cases file's text (a JSON list, or an object with {@code cases}). */
  public static List<Case> parse(String text) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Malformed("JSON illisible : " + e.getOriginalMessage(),
          e.getLocation() == null ? 0 : e.getLocation().getLineNr());
    }
    boolean wrapped = root != null && root.isObject();
    return parse(wrapped ? root.path("cases") : root, JsonLines.of(text), wrapped ? "/cases" : "");
  }

  static List<Case> parse(JsonNode array, JsonLines lines, String prefix) {
    if (array == null || !array.isArray()) {
      throw new Malformed("une liste de cas est attendue", lines.line(prefix));
    }
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      cases.add(one(array.get(i), lines, prefix + "/" + i));
    }
    return List.copyOf(cases);
  }

  private static Case one(JsonNode c, JsonLines lines, String at) {
    c.fieldNames().forEachRemaining(f -> {
      if (!CASE_FIELDS.contains(f)) {
        throw new Malformed("champ inconnu « " + f + " » dans un cas", lines.line(at + "/" + f));
      }
    });
    c.path("expect").fieldNames().forEachRemaining(f -> {
      if (!EXPECT_FIELDS.contains(f)) {
        throw new Malformed("attendu inconnu « " + f + " » (" + EXPECT_FIELDS + ")", lines.line(at + "/expect/" + f));
      }
    });
    if (!c.path("expect").isObject()) {
      throw new Malformed("un cas a un « expect »", lines.line(at));
    }
    try {
      TriageRequest in = Json.MAPPER.treeToValue(c.path("in"), TriageRequest.class);
      if (in == null || in.age() == null || in.sex() == null || in.complaint() == null) {
        throw new Malformed("« in » doit donner age, sex et complaint", lines.line(at + "/in"));
      }
      return new Case(c.path("name").asText("cas " + at), in, c.path("expect"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new Malformed("questionnaire illisible : " + e.getMessage().split("\n")[0], lines.line(at + "/in"));
    }
  }

  /** Runs every case against {@code engine} at {@code at}. */
  public static Report run(TriageEngine engine, List<Case> cases, Instant at) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      outcomes.add(outcome(engine, i, cases.get(i), at));
    }
    int passed = (int) outcomes.stream().filter(Outcome::passed).count();
    return new Report(engine.version(), passed, outcomes.size() - passed, List.copyOf(outcomes));
  }

  private static Outcome outcome(TriageEngine engine, int index, Case c, Instant at) {
    List<String> refused = engine.refusedAnswers(c.in()).stream().map(e -> e.field() + " : " + e.message()).toList();
    if (!refused.isEmpty()) {
      return new Outcome(index, c.name(), false, null, null, null, refused);
    }
    TriageResult r = engine.assess(c.in(), at);
    String profession = r.orientation() == null ? null : r.orientation().profession();
    List<String> mismatches = new ArrayList<>();
    JsonNode e = c.expect();
    compare(mismatches, e, "urgency", r.urgency().name());
    compare(mismatches, e, "ruleId", r.ruleId());
    compare(mismatches, e, "profession", profession);
    if (e.has("skills")) {
      List<String> skills = new ArrayList<>();
      e.path("skills").forEach(s -> skills.add(s.asText()));
      List<String> actual = r.orientation() == null ? List.of() : r.orientation().skills();
      if (!skills.equals(actual)) {
        mismatches.add("skills : attendu " + skills + ", obtenu " + actual);
      }
    }
    List<String> asked = r.questions().stream().map(Question::key).toList();
    e.path("asks").forEach(k -> {
      if (!asked.contains(k.asText())) {
        mismatches.add("asks : " + k.asText() + " attendue parmi les questions, obtenu " + asked);
      }
    });
    return new Outcome(index, c.name(), mismatches.isEmpty(), r.ruleId(), r.urgency(), profession,
        List.copyOf(mismatches));
  }

  private static void compare(List<String> mismatches, JsonNode expect, String field, String actual) {
    if (expect.has(field)) {
      String expected = expect.get(field).isNull() ? null : expect.get(field).asText();
      if (!Objects.equals(expected, actual)) {
        mismatches.add(field + " : attendu " + expected + ", obtenu " + actual);
      }
    }
  }
}
