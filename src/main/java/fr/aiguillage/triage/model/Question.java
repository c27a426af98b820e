package fr.aiguillage.triage.model;

import java.util.List;

/**
 * A question of the questionnaire: its answer key, French label, type ({@code boolean}, {@code number} with unit
 * and bounds, {@code choice} with options) and, in a triage answer, {@code why} it is still worth asking.
 */
public record Question(String key, String label, String type, String unit, Double minimum, Double maximum,
                       List<Option> options, String why) {

  public static final String BOOLEAN = "boolean";
  public static final String NUMBER = "number";
  public static final String CHOICE = "choice";

  /** One value of a {@code choice} question. */
  public record Option(String value, String label) {
  }

  public Question why(String reason) {
    return new Question(key, label, type, unit, minimum, maximum, options, reason);
  }

  /** The French reason an answer does not fit this question, or null when it fits. */
  public String refuse(Object answer) {
    return switch (type) {
      case BOOLEAN -> answer instanceof Boolean ? null : "oui ou non (true / false)";
      case NUMBER -> answer instanceof Number n ? outOfBounds(n.doubleValue()) : "un nombre";
      default -> options.stream().anyMatch(o -> o.value().equals(answer)) ? null
          : "une des valeurs " + options.stream().map(Option::value).toList();
    };
  }

  private String outOfBounds(double value) {
    boolean tooLow = minimum != null && value < minimum;
    boolean tooHigh = maximum != null && value > maximum;
    return tooLow || tooHigh ? "entre " + minimum + " et " + maximum + (unit == null ? "" : " " + unit) : null;
  }
}
