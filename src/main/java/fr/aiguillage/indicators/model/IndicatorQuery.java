package fr.aiguillage.indicators.model;

import java.time.Instant;

/** Which figures are asked for: a territory (null: all the caller's), a range [from, to), a granularity. */
public record IndicatorQuery(String territory, Instant from, Instant to, Granularity granularity) {
}
