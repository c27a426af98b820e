package fr.aiguillage.triage;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aiguillage.triage.TriageRules.Malformed;
import fr.aiguillage.triage.model.Question;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** One entry of the rules file's {@code questions}: key, French label, type and, by type, bounds or options. */
final class QuestionParser {

  private QuestionParser() {
  }

  static Question question(JsonNode q, String at, BiFunction<String, String, Malformed> fail) {
    String key = q.path("key").asText("");
    String label = q.path("label").asText("");
    String type = q.path("type").asText("");
    if (!key.matches("[a-z][A-Za-z0-9]{0,39}") || label.isBlank()) {
      throw fail.apply(at, "une question a une clé (camelCase) et un libellé");
    }
    List<Question.Option> options = new ArrayList<>();
    switch (type) {
      case Question.BOOLEAN, Question.NUMBER -> {
      }
      case Question.CHOICE -> {
        q.path("options").forEach(o -> options.add(new Question.Option(o.path("value").asText(),
            o.path("label").asText())));
        if (options.isEmpty()) {
          throw fail.apply(at + "/options", "la question " + key + " (choice) n'a pas d'options");
        }
      }
      default -> throw fail.apply(at + "/type", "type inconnu pour " + key + " : boolean, number ou choice");
    }
    return new Question(key, label, type, q.path("unit").asText(null),
        q.path("minimum").isNumber() ? q.path("minimum").doubleValue() : null,
        q.path("maximum").isNumber() ? q.path("maximum").doubleValue() : null,
        type.equals(Question.CHOICE) ? List.copyOf(options) : null, null);
  }
}
