package fr.aiguillage.rota.model;

import java.util.List;
import java.util.UUID;

/** What proposing a month did: places, how many are held, the gaps, and the fairness figures. */
public record ProposalSummary(int places, int held, List<UUID> gaps, double largestGap, double largestSpecialGap,
                              int consecutiveDays, long millis) {
}
