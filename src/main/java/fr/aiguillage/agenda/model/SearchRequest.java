package fr.aiguillage.agenda.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A slot search as asked: the patient's place, what kind of professional, when, how far, how many. */
public record SearchRequest(String communeInsee, Double lat, Double lon, String profession, String skill,
                            List<SlotKind> kinds, Duration within, double radiusKm, int limit, Instant from,
                            boolean acrossTerritories) {
}
