package fr.aiguillage.indicators.model;

import java.util.Map;

/** The value of one figure for one period. Shares and measures keep the count they rest on (small-count rule). */
public sealed interface FigureValue {

  /** A number of records. */
  record Count(long value) implements FigureValue {
  }

  /** {@code part} out of {@code base}; no value when the base is zero. */
  record Share(long part, long base) implements FigureValue {
    public Double value() {
      return base == 0 ? null : Math.round(part * 10000.0 / base) / 10000.0;
    }
  }

  /** A median or percentile over {@code base} records, rounded to one decimal; absent when there is none. */
  record Measure(Double value, long base) implements FigureValue {
    public Double rounded() {
      return value == null ? null : Math.round(value * 10) / 10.0;
    }
  }

  /** Counts per key (hour, urgency, profession, commune…), keys in order. */
  record Breakdown(Map<String, Long> counts) implements FigureValue {
  }
}
