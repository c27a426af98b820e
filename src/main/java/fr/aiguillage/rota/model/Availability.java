package fr.aiguillage.rota.model;

import java.util.List;
import java.util.UUID;

/** A professional's answer for a month: sector (default sector if absent), duties offered, impossible, preferred. */
public record Availability(UUID sectorId, int offered, List<DayBand> impossible, List<DayBand> preferred) {
}
