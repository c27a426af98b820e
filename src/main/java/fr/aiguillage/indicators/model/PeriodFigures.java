package fr.aiguillage.indicators.model;

import java.time.Instant;
import java.util.Map;

/** The figures of one period ({@code label} "2026-11", or "total" for the whole range), by figure code. */
public record PeriodFigures(String label, Instant start, Instant end, Map<String, FigureValue> values) {
}
