package fr.aiguillage.indicators.model;

/**
 * One indicator as people read it: a stable code ({@code group.name}, also its JSON place), a French label,
 * what kind of number it is and its unit. Defined in docs/indicators.md under the same code.
 */
public record Figure(String code, String label, Kind kind, String unit) {

  /** A count of records; a share of a base count; a measure (median…) over a base count; counts per key. */
  public enum Kind { COUNT, SHARE, MEASURE, BREAKDOWN }

  /** The JSON object the figure sits in ({@code calls} for {@code calls.received}). */
  public String group() {
    return code.substring(0, code.indexOf('.'));
  }

  /** Its name inside the group ({@code received}). */
  public String name() {
    return code.substring(code.indexOf('.') + 1);
  }
}
