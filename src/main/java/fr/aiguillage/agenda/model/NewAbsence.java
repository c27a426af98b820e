package fr.aiguillage.agenda.model;

import java.time.OffsetDateTime;

/** What {@code POST /professionals/{id}/absences} asks for; {@code confirm} to save it over duties of the rota. */
public record NewAbsence(OffsetDateTime from, OffsetDateTime to, String reason, Boolean confirm) {

  /** Saved even over duties of the rota (they stay held: the coordinator reassigns them). */
  public boolean confirmed() {
    return Boolean.TRUE.equals(confirm);
  }
}
