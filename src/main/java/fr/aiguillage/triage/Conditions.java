package fr.aiguillage.triage;

import fr.aiguillage.triage.model.TriageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rule's conditions against a questionnaire, in three states: met, not met, or undecided because some
 * answers are missing. A missing answer is never read as "no": the rule waits for it.
 */
record Conditions(boolean failed, List<String> missing) {

  boolean met() {
    return !failed && missing.isEmpty();
  }

  static Conditions of(TriageRules.When w, TriageRequest r, Map<String, Object> answers) {
    if (w.sex() != null && !w.sex().equals(r.sex())
        || w.ageAtLeast() != null && r.age() < w.ageAtLeast() || w.ageBelow() != null && r.age() >= w.ageBelow()) {
      return new Conditions(true, List.of());
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Object> expected : w.answers().entrySet()) {
      Object given = answers.get(expected.getKey());
      if (given == null) {
        missing.add(expected.getKey());
      } else if (!same(expected.getValue(), given)) {
        return new Conditions(true, List.of());
      }
    }
    if (!limits(w.below(), answers, missing, true) || !limits(w.atLeast(), answers, missing, false)) {
      return new Conditions(true, List.of());
    }
    return new Conditions(false, missing);
  }

  /** False when a given answer breaks a limit; a missing answer is added to {@code missing}. */
  private static boolean limits(Map<String, Double> limits, Map<String, Object> answers, List<String> missing,
                                boolean below) {
    for (Map.Entry<String, Double> limit : limits.entrySet()) {
      Double value = number(answers.get(limit.getKey()));
      if (value == null) {
        if (!missing.contains(limit.getKey())) {
          missing.add(limit.getKey());
        }
      } else if (below ? value >= limit.getValue() : value < limit.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(Object expected, Object given) {
    return expected instanceof Number e && given instanceof Number g ? e.doubleValue() == g.doubleValue()
        : expected.equals(given);
  }

  static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
