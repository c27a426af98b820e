package fr.aiguillage.rota.model;

import java.time.LocalDate;
import java.util.UUID;

/** A day of the month, and one band of it; a null band means the whole day. */
public record DayBand(LocalDate day, UUID bandId) {

  public boolean covers(LocalDate otherDay, UUID otherBand) {
    return day.equals(otherDay) && (bandId == null || bandId.equals(otherBand));
  }
}
