package fr.aiguillage.agenda.model;

import java.time.OffsetDateTime;

/** What {@code POST /professionals/{id}/absences} asks for. */
public record NewAbsence(OffsetDateTime from, OffsetDateTime to, String reason) {
}
