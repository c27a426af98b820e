package fr.aiguillage.triage;

import fr.aiguillage.triage.TriageRules.Rule;
import fr.aiguillage.triage.model.Question;
import fr.aiguillage.triage.model.TriageRequest;
import fr.aiguillage.triage.model.Urgency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The questions still worth asking: an answer missing from a rule met before the deciding one (when that rule
 * would decide otherwise), and the answers the safety floors read. Most decisive first: the most urgent outcome
 * the answer could lead to, then the order of the rules.
 */
final class NextQuestions {

  /** A rule that could still apply once these answers are known. */
  record Pending(Rule rule, List<String> missing) {
  }

  private record Candidate(String key, Urgency could, String why) {
  }

  private final TriageRules rules;
  private final TriageRequest request;
  private final Map<String, Object> answers;
  private final List<Candidate> candidates = new ArrayList<>();

  NextQuestions(TriageRules rules, TriageRequest request, Map<String, Object> answers) {
    this.rules = rules;
    this.request = request;
    this.answers = answers;
  }

  List<Question> after(Urgency urgency, String profession, List<String> skills, List<Pending> pending) {
    for (Pending p : pending) {
      TriageRules.Then then = p.rule().then();
      if (then.urgency() != urgency || !Objects.equals(then.profession(), profession)
          || !then.skills().equals(skills)) {
        p.missing().forEach(key -> candidates.add(new Candidate(key, then.urgency(), "Règle « " + p.rule().id()
            + " » : " + p.rule().explanation() + " Sans cette réponse, elle ne peut pas s'appliquer.")));
      }
    }
    safety(urgency);
    Map<String, Question> asked = new LinkedHashMap<>();
    candidates.stream().sorted(Comparator.comparingInt(c -> c.could().ordinal()))
        .forEach(c -> asked.putIfAbsent(c.key(), rules.questions().get(c.key()).why(c.why())));
    return List.copyOf(asked.values());
  }

  private void safety(Urgency urgency) {
    boolean temperatureKnown = answers.get("temperatureC") != null;
    if (request.age() < TriageEngine.INFANT_AGE && !TriageEngine.feverish(request) && !temperatureKnown) {
      candidates.add(new Candidate("temperatureC", Urgency.VITAL,
          "Nourrisson de moins de 3 mois : une fièvre (≥ 38 °C) est une urgence vitale."));
    }
    if (urgency.atLeast(Urgency.SAME_DAY) == urgency) {
      return;
    }
    if (request.age() < TriageEngine.CHILD_AGE && !TriageEngine.feverish(request) && !temperatureKnown) {
      candidates.add(new Candidate("temperatureC", Urgency.SAME_DAY,
          "Enfant de moins de 3 ans : une fièvre (≥ 38 °C) impose un médecin le jour même."));
    }
    if (TriageEngine.feverish(request) && answers.get("poorTolerance") == null) {
      candidates.add(new Candidate("poorTolerance", Urgency.SAME_DAY,
          "Fièvre : un signe de mauvaise tolérance impose un médecin le jour même."));
    }
    Urgency escalated = rules.feverEscalation().urgency();
    if (TriageEngine.feverish(request) && urgency != Urgency.ROUTINE && urgency.atLeast(escalated) != urgency) {
      if (!temperatureKnown) {
        candidates.add(new Candidate("temperatureC", escalated, "Une fièvre élevée avance le rendez-vous."));
      }
      if (answers.get("symptomDays") == null) {
        candidates.add(new Candidate("symptomDays", escalated, "Une fièvre qui dure avance le rendez-vous."));
      }
    }
  }
}
