package fr.aiguillage.rota.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a month's rota: what, on which place, who did it, when and why. */
public record HistoryEntry(long id, OffsetDateTime at, UUID accountId, String action, UUID placeId,
                           UUID professionalId, UUID previousId, String why) {
}
