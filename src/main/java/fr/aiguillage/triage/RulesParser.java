package fr.aiguillage.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aiguillage.triage.TriageRules.Malformed;
import fr.aiguillage.triage.TriageRules.Rule;
import fr.aiguillage.triage.TriageRules.Then;
import fr.aiguillage.triage.model.Complaint;
import fr.aiguillage.triage.model.Question;
import fr.aiguillage.triage.model.RedFlag;
import fr.aiguillage.triage.model.Urgency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rules file and refuses, with the line, anything it would have to guess: unknown field (a typo in a
 * condition would silently widen a rule), unknown complaint, question, profession or urgency, a condition on a
 * question its complaint does not ask, a wait beyond 24 hours without its reason, a default slower than 24 hours.
 */
final class RulesParser {

  static final Set<String> PROFESSIONS = Set.of("GENERAL_PRACTITIONER", "SPECIALIST", "NURSE", "PHARMACIST",
      "PHYSIOTHERAPIST", "MIDWIFE", "DENTIST");
  /** Answers the engine itself reads (fever escalation, safety floors). */
  static final Map<String, String> ENGINE_QUESTIONS = Map.of("temperatureC", Question.NUMBER,
      "symptomDays", Question.NUMBER, "poorTolerance", Question.BOOLEAN);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> FILE_FIELDS = Set.of("version", "_about", "redFlags", "questions", "complaints",
      "advice", "rules", "fallback", "feverEscalation");
  private static final Set<String> RULE_FIELDS = Set.of("id", "complaint", "when", "then", "explanation",
      "deferredBecause", "source");
  private static final Set<String> WHEN_FIELDS = Set.of("sex", "ageAtLeast", "ageBelow", "answers", "below",
      "atLeast");
  private static final Set<String> THEN_FIELDS = Set.of("urgency", "profession", "skills", "advice");

  private final JsonLines lines;
  private final Map<String, Question> questions = new LinkedHashMap<>();
  private final Map<Complaint, List<String>> complaintQuestions = new EnumMap<>(Complaint.class);

  private RulesParser(JsonLines lines) {
    this.lines = lines;
  }

  static TriageRules parse(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Malformed("JSON illisible : " + e.getOriginalMessage(),
          e.getLocation() == null ? 0 : e.getLocation().getLineNr());
    }
    if (root == null || !root.isObject()) {
      throw new Malformed("le fichier doit être un objet JSON", 1);
    }
    return new RulesParser(JsonLines.of(text)).rules(root);
  }

  private TriageRules rules(JsonNode root) {
    fields(root, "", FILE_FIELDS);
    String version = text(root, "", "version");
    Map<RedFlag, String> redFlags = redFlags(object(root, "", "redFlags"));
    readQuestions(array(root, "", "questions"));
    Map<Complaint, String> complaints = complaints(object(root, "", "complaints"));
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonNode array = array(root, "", "rules");
    for (int i = 0; i < array.size(); i++) {
      Rule rule = rule(array.get(i), "/rules/" + i);
      if (!ids.add(rule.id())) {
        throw fail("/rules/" + i + "/id", "identifiant de règle en double : " + rule.id());
      }
      rules.add(rule);
    }
    Rule fallback = fallback(object(root, "", "fallback"));
    JsonNode fever = object(root, "", "feverEscalation");
    Map<String, String> advice = new LinkedHashMap<>();
    root.path("advice").fields().forEachRemaining(e -> advice.put(e.getKey(), e.getValue().asText()));
    return new TriageRules(version, Map.copyOf(complaints), Map.copyOf(redFlags),
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(questions)), Map.copyOf(complaintQuestions),
        List.copyOf(rules), fallback, new TriageRules.FeverEscalation(number(fever, "/feverEscalation",
            "temperatureAtLeast"), number(fever, "/feverEscalation", "feverDaysOver"),
            urgency(fever, "/feverEscalation")), Map.copyOf(advice));
  }

  private Map<RedFlag, String> redFlags(JsonNode node) {
    Map<RedFlag, String> labels = new EnumMap<>(RedFlag.class);
    node.fields().forEachRemaining(e -> labels.put(known(RedFlag.class, e.getKey(), "/redFlags/" + e.getKey(),
        "signe d'alerte"), e.getValue().asText()));
    for (RedFlag flag : RedFlag.values()) {
      if (!labels.containsKey(flag)) {
        throw fail("/redFlags", "libellé manquant pour le signe d'alerte " + flag);
      }
    }
    return labels;
  }

  private void readQuestions(JsonNode array) {
    for (int i = 0; i < array.size(); i++) {
      Question q = QuestionParser.question(array.get(i), "/questions/" + i, this::fail);
      if (questions.put(q.key(), q) != null) {
        throw fail("/questions/" + i + "/key", "question en double : " + q.key());
      }
    }
    ENGINE_QUESTIONS.forEach((key, type) -> {
      if (questions.get(key) == null || !questions.get(key).type().equals(type)) {
        throw fail("/questions", "la question " + key + " (" + type + ") est lue par le moteur : elle doit exister");
      }
    });
  }

  private Map<Complaint, String> complaints(JsonNode node) {
    Map<Complaint, String> labels = new EnumMap<>(Complaint.class);
    node.fields().forEachRemaining(e -> {
      String at = "/complaints/" + e.getKey();
      Complaint complaint = known(Complaint.class, e.getKey(), at, "motif");
      labels.put(complaint, text(e.getValue(), at, "label"));
      List<String> keys = new ArrayList<>();
      JsonNode list = e.getValue().path("questions");
      for (int i = 0; i < list.size(); i++) {
        keys.add(question(list.get(i).asText(), at + "/questions/" + i).key());
      }
      complaintQuestions.put(complaint, List.copyOf(keys));
    });
    for (Complaint complaint : Complaint.values()) {
      if (!labels.containsKey(complaint)) {
        throw fail("/complaints", "motif absent : " + complaint);
      }
    }
    return labels;
  }

  private Rule rule(JsonNode r, String at) {
    fields(r, at, RULE_FIELDS);
    String id = text(r, at, "id");
    Complaint complaint = known(Complaint.class, text(r, at, "complaint"), at + "/complaint", "motif");
    TriageRules.When when = when(r.path("when"), at + "/when", complaint);
    Then then = then(object(r, at, "then"), at + "/then");
    String deferred = r.path("deferredBecause").asText(null);
    if ((then.urgency() == Urgency.WITHIN_48H || then.urgency() == Urgency.ROUTINE)
        && (deferred == null || deferred.isBlank())) {
      throw fail(at + "/then/urgency", "règle " + id + " : " + then.urgency()
          + " dépasse l'engagement de 24 h ; dites pourquoi dans deferredBecause");
    }
    return new Rule(id, complaint, when, then, text(r, at, "explanation"), deferred);
  }

  private Rule fallback(JsonNode f) {
    Then then = then(object(f, "/fallback", "then"), "/fallback/then");
    if (then.urgency() != Urgency.SAME_DAY && then.urgency() != Urgency.WITHIN_24H || then.profession() == null) {
      throw fail("/fallback/then", "le défaut doit être un professionnel le jour même ou sous 24 h"
          + " (engagement de la CPTS)");
    }
    return new Rule(text(f, "/fallback", "id"), null, new TriageRules.When(null, null, null, Map.of(), Map.of(),
        Map.of()), then, text(f, "/fallback", "explanation"), null);
  }

  private TriageRules.When when(JsonNode w, String at, Complaint complaint) {
    if (w.isMissingNode()) {
      return new TriageRules.When(null, null, null, Map.of(), Map.of(), Map.of());
    }
    fields(w, at, WHEN_FIELDS);
    String sex = w.path("sex").asText(null);
    if (sex != null && !sex.equals("F") && !sex.equals("M")) {
      throw fail(at + "/sex", "sexe F ou M attendu, pas " + sex);
    }
    Map<String, Object> answers = new LinkedHashMap<>();
    w.path("answers").fields().forEachRemaining(e -> answers.put(e.getKey(),
        expected(e.getKey(), e.getValue(), at + "/answers/" + e.getKey(), complaint)));
    return new TriageRules.When(sex, optionalNumber(w, at, "ageAtLeast"), optionalNumber(w, at, "ageBelow"),
        answers, limits(w.path("below"), at + "/below", complaint), limits(w.path("atLeast"), at + "/atLeast",
        complaint));
  }

  private Object expected(String key, JsonNode value, String at, Complaint complaint) {
    Question q = asked(key, at, complaint);
    Object v = value.isBoolean() ? value.booleanValue() : value.isNumber() ? value.numberValue() : value.asText();
    if (q.refuse(v) != null) {
      throw fail(at, key + " attend " + q.refuse(v));
    }
    return v;
  }

  private Map<String, Double> limits(JsonNode node, String at, Complaint complaint) {
    Map<String, Double> limits = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      if (!asked(e.getKey(), at + "/" + e.getKey(), complaint).type().equals(Question.NUMBER)
          || !e.getValue().isNumber()) {
        throw fail(at + "/" + e.getKey(), e.getKey() + " : seuil numérique sur une question numérique attendu");
      }
      limits.put(e.getKey(), e.getValue().doubleValue());
    });
    return limits;
  }

  /** A question the rule's complaint asks: otherwise the form never shows it and the rule never applies. */
  private Question asked(String key, String at, Complaint complaint) {
    Question q = question(key, at);
    if (!complaintQuestions.getOrDefault(complaint, List.of()).contains(key)) {
      throw fail(at, "la question " + key + " n'est pas posée pour le motif " + complaint);
    }
    return q;
  }

  private Then then(JsonNode t, String at) {
    fields(t, at, THEN_FIELDS);
    Urgency urgency = urgency(t, at);
    String profession = t.path("profession").asText(null);
    if (profession != null && !PROFESSIONS.contains(profession)) {
      throw fail(at + "/profession", "profession inconnue : " + profession);
    }
    if (profession == null && urgency != Urgency.VITAL && urgency != Urgency.ADVICE) {
      throw fail(at, "profession manquante pour l'urgence " + urgency);
    }
    List<String> skills = new ArrayList<>();
    t.path("skills").forEach(s -> skills.add(s.asText()));
    return new Then(urgency, profession, List.copyOf(skills), t.path("advice").asText(null));
  }

  private Urgency urgency(JsonNode node, String at) {
    return known(Urgency.class, text(node, at, "urgency"), at + "/urgency", "urgence");
  }

  private Question question(String key, String at) {
    Question q = questions.get(key);
    if (q == null) {
      throw fail(at, "question inconnue : " + key);
    }
    return q;
  }

  private <E extends Enum<E>> E known(Class<E> type, String value, String at, String what) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw fail(at, what + " inconnu(e) : " + value);
    }
  }

  private void fields(JsonNode node, String at, Set<String> allowed) {
    node.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        throw fail(at + "/" + name, "champ inconnu « " + name + " » (attendus : " + new java.util.TreeSet<>(allowed)
            + ")");
      }
    });
  }

  private String text(JsonNode node, String at, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw fail(at + "/" + field, field + " manquant");
    }
    return value.asText();
  }

  private JsonNode object(JsonNode node, String at, String field) {
    if (!node.path(field).isObject()) {
      throw fail(at + "/" + field, field + " manquant (objet attendu)");
    }
    return node.path(field);
  }

  private JsonNode array(JsonNode node, String at, String field) {
    if (!node.path(field).isArray()) {
      throw fail(at + "/" + field, field + " manquant (liste attendue)");
    }
    return node.path(field);
  }

  private double number(JsonNode node, String at, String field) {
    if (!node.path(field).isNumber()) {
      throw fail(at + "/" + field, field + " manquant (nombre attendu)");
    }
    return node.path(field).doubleValue();
  }

  private Double optionalNumber(JsonNode node, String at, String field) {
    return node.has(field) ? number(node, at, field) : null;
  }

  Malformed fail(String pointer, String message) {
    return new Malformed(message, lines.line(pointer));
  }
}
