package fr.aiguillage.triage;

import fr.aiguillage.triage.model.Complaint;
import fr.aiguillage.triage.model.Question;
import fr.aiguillage.triage.model.RedFlag;
import fr.aiguillage.triage.model.Urgency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The medical referent's rules, read from {@code config/triage-rules.json} by {@link RulesParser}: the
 * vocabulary (labels, questions, which questions apply to which complaint), the rules in order, the default
 * and the advice. A file that cannot be trusted is refused with the line at fault.
 */
public record TriageRules(String version, Map<Complaint, String> complaintLabels, Map<RedFlag, String> redFlagLabels,
                          Map<String, Question> questions, Map<Complaint, List<String>> complaintQuestions,
                          List<Rule> rules, Rule fallback, FeverEscalation feverEscalation,
                          Map<String, String> advice) {

  /**
   * First matching rule wins. {@code explanation} is shown to the operator; {@code deferredBecause} says why a
   * patient may wait beyond 24 hours (required for WITHIN_48H and ROUTINE).
   */
  public record Rule(String id, Complaint complaint, When when, Then then, String explanation,
                     String deferredBecause) {
  }

  /** Conditions; an answer named here and not given leaves the rule undecided: never read as "no". */
  public record When(String sex, Double ageAtLeast, Double ageBelow, Map<String, Object> answers,
                     Map<String, Double> below, Map<String, Double> atLeast) {
  }

  public record Then(Urgency urgency, String profession, List<String> skills, String advice) {
  }

  public record FeverEscalation(double temperatureAtLeast, double feverDaysOver, Urgency urgency) {
  }

  /** Raised for a rules file that cannot be trusted; {@code line} is 0 when unknown. */
  public static final class Malformed extends RuntimeException {
    private final int line;

    public Malformed(String message, int line) {
      super(line > 0 ? "ligne " + line + " : " + message : message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /** Reads and checks the file; throws {@link Malformed} naming the file and the line. */
  public static TriageRules load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new Malformed("impossible de lire " + file.toAbsolutePath(), 0);
    }
    return RulesParser.parse(text);
  }

  /** Reads the shipped text of the rules (for the file's own tests and the vocabulary). */
  public static TriageRules parse(String text) {
    return RulesParser.parse(text);
  }
}
