package fr.aiguillage.triage;

import fr.aiguillage.triage.model.Complaint;
import fr.aiguillage.triage.model.Urgency;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The medical referent's rules, read from {@code config/triage-rules.json}. A malformed file stops startup
 * with the rule and the field at fault: the service never runs on rules it half understood.
 */
public record TriageRules(String version, List<Rule> rules, Then fallback, FeverEscalation feverEscalation,
                          Map<String, String> advice) {

  static final Set<String> PROFESSIONS = Set.of("GENERAL_PRACTITIONER", "SPECIALIST", "NURSE", "PHARMACIST",
      "PHYSIOTHERAPIST", "MIDWIFE", "DENTIST");

  /** First matching rule wins. */
  public record Rule(String id, Complaint complaint, When when, Then then) {
  }

  /** Conditions; an answer named here must be given, or the rule does not apply. */
  public record When(String sex, Double ageAtLeast, Double ageBelow, Map<String, Object> answers,
                     Map<String, Double> below, Map<String, Double> atLeast) {
  }

  public record Then(Urgency urgency, String profession, List<String> skills, String advice) {
  }

  public record FeverEscalation(double temperatureAtLeast, double feverDaysOver, Urgency urgency) {
  }

  /** Raised for a rules file that cannot be trusted. */
  public static final class Malformed extends RuntimeException {
    Malformed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static TriageRules load(Path file) {
    try {
      return parse(new JsonObject(Files.readString(file)));
    } catch (IOException e) {
      throw new Malformed("Cannot read the triage rules " + file.toAbsolutePath(), e);
    } catch (Malformed e) {
      throw new Malformed("Triage rules " + file.toAbsolutePath() + " are malformed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new Malformed("Triage rules " + file.toAbsolutePath() + " are malformed: " + e.getMessage(), e);
    }
  }

  static TriageRules parse(JsonObject json) {
    String version = required(json.getString("version"), "version");
    List<Rule> rules = new ArrayList<>();
    JsonArray array = required(json.getJsonArray("rules"), "rules");
    for (int i = 0; i < array.size(); i++) {
      rules.add(rule(array.getJsonObject(i), "rules[" + i + "]"));
    }
    JsonObject fever = required(json.getJsonObject("feverEscalation"), "feverEscalation");
    Map<String, String> advice = new java.util.HashMap<>();
    json.getJsonObject("advice", new JsonObject()).forEach(e -> advice.put(e.getKey(), (String) e.getValue()));
    return new TriageRules(version, List.copyOf(rules),
        then(required(json.getJsonObject("fallback"), "fallback"), "fallback"),
        new FeverEscalation(fever.getDouble("temperatureAtLeast"), fever.getDouble("feverDaysOver"),
            urgency(fever.getString("urgency"), "feverEscalation.urgency")), Map.copyOf(advice));
  }

  private static Rule rule(JsonObject r, String where) {
    String id = required(r.getString("id"), where + ".id");
    String at = "rule " + id;
    Complaint complaint;
    try {
      complaint = Complaint.valueOf(required(r.getString("complaint"), at + ".complaint"));
    } catch (IllegalArgumentException e) {
      throw new Malformed(at + ".complaint: unknown complaint " + r.getString("complaint"), e);
    }
    JsonObject w = r.getJsonObject("when", new JsonObject());
    When when = new When(w.getString("sex"), w.getDouble("ageAtLeast"), w.getDouble("ageBelow"),
        w.getJsonObject("answers", new JsonObject()).getMap(), numbers(w.getJsonObject("below")),
        numbers(w.getJsonObject("atLeast")));
    return new Rule(id, complaint, when, then(required(r.getJsonObject("then"), at + ".then"), at + ".then"));
  }

  private static Then then(JsonObject t, String where) {
    String profession = t.getString("profession");
    if (profession != null && !PROFESSIONS.contains(profession)) {
      throw new Malformed(where + ".profession: unknown profession " + profession, null);
    }
    List<String> skills = new ArrayList<>();
    t.getJsonArray("skills", new JsonArray()).forEach(s -> skills.add((String) s));
    return new Then(urgency(t.getString("urgency"), where + ".urgency"), profession, List.copyOf(skills),
        t.getString("advice"));
  }

  private static Urgency urgency(String value, String where) {
    try {
      return Urgency.valueOf(required(value, where));
    } catch (IllegalArgumentException e) {
      throw new Malformed(where + ": unknown urgency " + value, e);
    }
  }

  private static Map<String, Double> numbers(JsonObject o) {
    Map<String, Double> result = new java.util.HashMap<>();
    if (o != null) {
      o.forEach(e -> result.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
    }
    return Map.copyOf(result);
  }

  private static <T> T required(T value, String where) {
    if (value == null) {
      throw new Malformed(where + " is missing", null);
    }
    return value;
  }
}
