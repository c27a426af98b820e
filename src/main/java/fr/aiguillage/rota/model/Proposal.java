package fr.aiguillage.rota.model;

import java.util.List;
import java.util.UUID;

/**
 * The month's proposal: the assignments, the places nobody could hold (gaps), and the fairness figures: the largest
 * distance of a volunteer's count to their proportional share, for all places and for weekend/holiday places.
 */
public record Proposal(List<Assignment> assignments, List<UUID> gaps, double largestGap, double largestSpecialGap,
                       int consecutiveDays) {
}
