package fr.aiguillage.indicators.model;

import java.time.Instant;
import java.util.List;

/** What GET /api/v1/indicators answers: the figures per period and for the whole range, in catalogue order. */
public record Report(List<String> territories, Instant from, Instant to, Granularity granularity,
                     Instant generatedAt, List<Figure> figures, PeriodFigures total, List<PeriodFigures> periods) {
}
