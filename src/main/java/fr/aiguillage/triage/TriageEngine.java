package fr.aiguillage.triage;

import fr.aiguillage.triage.model.Complaint;
import fr.aiguillage.triage.model.Orientation;
import fr.aiguillage.triage.model.RedFlag;
import fr.aiguillage.triage.model.TriageRequest;
import fr.aiguillage.triage.model.TriageResult;
import fr.aiguillage.triage.model.Urgency;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Applies the rules to a questionnaire. Two safety rules come first and live here, where no rules file can
 * weaken them: any red flag is VITAL; fever in an infant under 3 months is VITAL. Then the first matching
 * configured rule; else a GP, with fever of 39 °C or more, or fever for more than 3 days, seen within 24 h.
 */
public final class TriageEngine {

  /** Three months, in years. */
  static final double INFANT_AGE = 0.25;
  static final double FEVER_C = 38.0;

  private final TriageRules rules;

  public TriageEngine(TriageRules rules) {
    this.rules = rules;
  }

  public String version() {
    return rules.version();
  }

  public TriageResult assess(TriageRequest r, Instant now) {
    List<RedFlag> flags = r.redFlags() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(r.redFlags()));
    boolean outOfHours = OutOfHours.at(now);
    if (!flags.isEmpty()) {
      return vital(flags, outOfHours, "safety:red-flag");
    }
    if (r.age() < INFANT_AGE && feverish(r)) {
      return vital(flags, outOfHours, "safety:infant-fever");
    }
    for (TriageRules.Rule rule : rules.rules()) {
      if (rule.complaint() == r.complaint() && matches(rule.when(), r)) {
        return result(r, rule.then(), outOfHours, "rule:" + rule.id());
      }
    }
    return result(r, rules.fallback(), outOfHours, "fallback");
  }

  private TriageResult vital(List<RedFlag> flags, boolean outOfHours, String decidedBy) {
    return new TriageResult(Urgency.VITAL, null, flags, outOfHours, rules.advice().get("VITAL"), rules.version(),
        decidedBy);
  }

  private TriageResult result(TriageRequest r, TriageRules.Then then, boolean outOfHours, String decidedBy) {
    Urgency urgency = then.urgency();
    if (then.urgency() != Urgency.ROUTINE && highOrLongFever(r)) {
      urgency = urgency.atLeast(rules.feverEscalation().urgency());
    }
    Orientation orientation = then.profession() == null ? null
        : new Orientation(then.profession(), then.skills(), urgency.within());
    String advice = outOfHours ? rules.advice().get("outOfHours")
        : then.advice() != null ? then.advice() : rules.advice().get(urgency.name());
    return new TriageResult(urgency, orientation, List.of(), outOfHours, advice, rules.version(), decidedBy);
  }

  private static boolean matches(TriageRules.When w, TriageRequest r) {
    Map<String, Object> answers = r.answers() == null ? Map.of() : r.answers();
    if (w.sex() != null && !w.sex().equals(r.sex())) {
      return false;
    }
    if (w.ageAtLeast() != null && r.age() < w.ageAtLeast() || w.ageBelow() != null && r.age() >= w.ageBelow()) {
      return false;
    }
    for (Map.Entry<String, Object> expected : w.answers().entrySet()) {
      if (!expected.getValue().equals(answers.get(expected.getKey()))) {
        return false;
      }
    }
    for (Map.Entry<String, Double> limit : w.below().entrySet()) {
      Double value = number(answers.get(limit.getKey()));
      if (value == null || value >= limit.getValue()) {
        return false;
      }
    }
    for (Map.Entry<String, Double> limit : w.atLeast().entrySet()) {
      Double value = number(answers.get(limit.getKey()));
      if (value == null || value < limit.getValue()) {
        return false;
      }
    }
    return true;
  }

  private boolean highOrLongFever(TriageRequest r) {
    Double temperature = number(answers(r).get("temperatureC"));
    Double days = number(answers(r).get("symptomDays"));
    boolean fever = r.complaint() == Complaint.FEVER || temperature != null && temperature >= FEVER_C;
    return temperature != null && temperature >= rules.feverEscalation().temperatureAtLeast()
        || fever && days != null && days > rules.feverEscalation().feverDaysOver();
  }

  private static boolean feverish(TriageRequest r) {
    Double temperature = number(answers(r).get("temperatureC"));
    return r.complaint() == Complaint.FEVER || temperature != null && temperature >= FEVER_C;
  }

  private static Map<String, Object> answers(TriageRequest r) {
    return r.answers() == null ? Map.of() : r.answers();
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
