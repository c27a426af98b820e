package fr.aiguillage.triage;

import fr.aiguillage.failure.FieldError;
import fr.aiguillage.triage.TriageRules.Rule;
import fr.aiguillage.triage.model.Complaint;
import fr.aiguillage.triage.model.Orientation;
import fr.aiguillage.triage.model.Question;
import fr.aiguillage.triage.model.RedFlag;
import fr.aiguillage.triage.model.TriageRequest;
import fr.aiguillage.triage.model.TriageResult;
import fr.aiguillage.triage.model.Urgency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies the rules to a questionnaire. Safety comes first and lives here, where no rules file can weaken it:
 * any red flag is VITAL; fever in an infant under 3 months is VITAL. Then the first configured rule whose
 * conditions are all answered and met (a rule waiting for an answer is skipped, and its question is asked);
 * else the default (a GP within 24 hours). Then the floors: fever in a child under 3 years or with a sign of
 * poor tolerance is at least SAME_DAY with a GP; high or long fever at most the file's escalation.
 */
public final class TriageEngine {

  /** Three months, in years. */
  static final double INFANT_AGE = 0.25;
  static final double CHILD_AGE = 3.0;
  static final double FEVER_C = 38.0;
  static final String GP = "GENERAL_PRACTITIONER";

  private final TriageRules rules;

  public TriageEngine(TriageRules rules) {
    this.rules = rules;
  }

  public String version() {
    return rules.version();
  }

  public TriageRules rules() {
    return rules;
  }

  /** Answers that are not questions of the vocabulary, or do not fit their question (null: not answered). */
  public List<FieldError> refusedAnswers(TriageRequest r) {
    List<FieldError> errors = new ArrayList<>();
    answers(r).forEach((key, value) -> {
      Question q = rules.questions().get(key);
      String refusal = q == null ? "question inconnue" : value == null ? null : q.refuse(value);
      if (refusal != null) {
        errors.add(new FieldError("answers." + key, refusal));
      }
    });
    return errors;
  }

  public TriageResult assess(TriageRequest r, Instant now) {
    List<RedFlag> flags = r.redFlags() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(r.redFlags()));
    boolean outOfHours = OutOfHours.at(now);
    if (!flags.isEmpty()) {
      return vital(flags, outOfHours, "safety:red-flag", "securite-signe-alerte", "Signe d'alerte ("
          + flags.stream().map(f -> rules.redFlagLabels().get(f)).collect(Collectors.joining(", "))
          + ") : urgence vitale, appeler le 15.");
    }
    if (r.age() < INFANT_AGE && feverish(r)) {
      return vital(flags, outOfHours, "safety:infant-fever", "securite-fievre-nourrisson",
          "Fièvre chez un nourrisson de moins de 3 mois : urgence vitale, appeler le 15.");
    }
    List<NextQuestions.Pending> pending = new ArrayList<>();
    Rule decided = rules.fallback();
    for (Rule rule : rules.rules()) {
      if (rule.complaint() == r.complaint()) {
        Conditions c = Conditions.of(rule.when(), r, answers(r));
        if (c.met()) {
          decided = rule;
          break;
        }
        if (!c.failed()) {
          pending.add(new NextQuestions.Pending(rule, c.missing()));
        }
      }
    }
    Decision d = floors(r, decided);
    Orientation orientation = d.profession() == null ? null
        : new Orientation(d.profession(), d.skills(), d.urgency().within());
    String advice = outOfHours ? rules.advice().get("outOfHours")
        : d.rule() == decided && decided.then().advice() != null ? decided.then().advice()
            : rules.advice().get(d.urgency().name());
    return new TriageResult(d.urgency(), orientation, List.of(), outOfHours, advice, rules.version(),
        decided == rules.fallback() && d.rule() == decided ? "fallback" : "rule:" + d.ruleId(), d.ruleId(),
        d.explanation(), new NextQuestions(rules, r, answers(r)).after(d.urgency(), d.profession(), d.skills(),
            pending));
  }

  /** The decided rule's outcome raised by the fever floors; the floor that raised it becomes the deciding rule. */
  private Decision floors(TriageRequest r, Rule rule) {
    Decision d = new Decision(rule, rule.id(), rule.then().urgency(), rule.then().profession(), rule.then().skills(),
        rule.explanation());
    Urgency escalated = rules.feverEscalation().urgency();
    if (d.urgency() != Urgency.ROUTINE && highOrLongFever(r) && d.urgency().atLeast(escalated) != d.urgency()) {
      d = d.raised("fievre-elevee-ou-prolongee", escalated, "Fièvre ≥ "
          + (int) rules.feverEscalation().temperatureAtLeast() + " °C ou depuis plus de "
          + (int) rules.feverEscalation().feverDaysOver() + " jours : au plus tard " + label(escalated) + ".");
    }
    if (feverish(r) && r.age() < CHILD_AGE && d.urgency().atLeast(Urgency.SAME_DAY) != d.urgency()) {
      d = d.raised("securite-fievre-enfant-moins-3-ans", Urgency.SAME_DAY,
          "Fièvre chez un enfant de moins de 3 ans : médecin le jour même.");
    }
    if (feverish(r) && Boolean.TRUE.equals(answers(r).get("poorTolerance"))
        && d.urgency().atLeast(Urgency.SAME_DAY) != d.urgency()) {
      d = d.raised("securite-fievre-mauvaise-tolerance", Urgency.SAME_DAY,
          "Fièvre avec un signe de mauvaise tolérance : médecin le jour même.");
    }
    return d;
  }

  /** An outcome and the rule that decided it. */
  private record Decision(Rule rule, String ruleId, Urgency urgency, String profession, List<String> skills,
                          String explanation) {

    /** A floor raised the urgency: a GP (a protocol assumes a well-tolerated presentation) the same day. */
    Decision raised(String id, Urgency to, String why) {
      boolean sameDay = to == Urgency.SAME_DAY;
      return new Decision(null, id, to, sameDay || profession == null ? GP : profession,
          sameDay || profession == null ? List.of() : skills, why + " (règle de départ : " + explanation + ")");
    }
  }

  static String label(Urgency u) {
    return switch (u) {
      case VITAL -> "immédiatement (15)";
      case SAME_DAY -> "le jour même";
      case WITHIN_24H -> "sous 24 heures";
      case WITHIN_48H -> "sous 48 heures";
      case ROUTINE -> "en rendez-vous habituel";
      case ADVICE -> "par un conseil";
    };
  }

  private TriageResult vital(List<RedFlag> flags, boolean outOfHours, String decidedBy, String ruleId,
                             String explanation) {
    return new TriageResult(Urgency.VITAL, null, flags, outOfHours, rules.advice().get("VITAL"), rules.version(),
        decidedBy, ruleId, explanation, List.of());
  }

  private boolean highOrLongFever(TriageRequest r) {
    Double temperature = Conditions.number(answers(r).get("temperatureC"));
    Double days = Conditions.number(answers(r).get("symptomDays"));
    return temperature != null && temperature >= rules.feverEscalation().temperatureAtLeast()
        || feverish(r) && days != null && days > rules.feverEscalation().feverDaysOver();
  }

  static boolean feverish(TriageRequest r) {
    Double temperature = Conditions.number(answers(r).get("temperatureC"));
    return r.complaint() == Complaint.FEVER || temperature != null && temperature >= FEVER_C;
  }

  static Map<String, Object> answers(TriageRequest r) {
    return r.answers() == null ? Map.of() : r.answers();
  }
}
