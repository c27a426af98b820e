package fr.aiguillage.rota.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** A month of a territory's rota: open for volunteering until its deadline, then proposed, then published. */
public record RotaMonth(UUID id, String territoryId, YearMonth month, Instant deadline, Status status) {

  /** Where the month stands. */
  public enum Status { OPEN, PROPOSED, PUBLISHED }
}
