package fr.aiguillage.rota.http;

import fr.aiguillage.rota.model.DayBand;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The request bodies of the rota's routes (shapes checked by openapi.yaml first). */
final class RotaRequests {

  private RotaRequests() {
  }

  record NewSector(String name, List<String> communes) {
  }

  /** Days: ISO numbers 1 (Monday) to 7; profession GENERAL_PRACTITIONER when absent. */
  record NewBand(UUID sectorId, String label, List<Integer> days, Boolean holidays, LocalTime start, LocalTime end,
                 String profession, Integer needed, Integer capacity, Integer stepMinutes) {
  }

  record OpenMonth(String month, OffsetDateTime deadline) {
  }

  record AvailabilityAnswer(UUID sectorId, int offered, List<DayBand> impossible, List<DayBand> preferred) {
  }

  record HandEdit(UUID professionalId, String why) {
  }

  record GiveAway(String why) {
  }
}
