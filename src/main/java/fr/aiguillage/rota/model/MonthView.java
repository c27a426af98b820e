package fr.aiguillage.rota.model;

import java.time.OffsetDateTime;
import java.util.List;

/** The month as the coordinator's grid reads it: every place (sector × day × band × seat), held or a gap. */
public record MonthView(String territoryId, String month, RotaMonth.Status status, OffsetDateTime deadline,
                        int places, int gaps, List<GridPlace> grid) {
}
