package fr.aiguillage.agenda.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * SNP slots of a territory over some days. {@code cells} holds only the (commune, day, half-day) that have at
 * least one free or booked slot; a commune and half-day missing from it has none.
 */
public record Coverage(String territoryId, String territoryName, List<LocalDate> days, List<Place> communes,
                       List<Cell> cells) {

  public record Place(String insee, String name) {
  }

  /** MORNING before 13:00 Paris time, AFTERNOON from 13:00. */
  public enum HalfDay { MORNING, AFTERNOON }

  public record Cell(String communeInsee, LocalDate date, HalfDay halfDay, int free, int booked,
                     List<Professional> professionals) {
  }

  public record Professional(UUID id, String familyName, String givenName, String profession, int free,
                             int booked) {
  }
}
