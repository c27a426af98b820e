package fr.aiguillage.rota.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A duty in the professional's agenda: the place (its fields, flat) and the patients booked into it, by time. */
public record AgendaDuty(@JsonUnwrapped GridPlace place, List<Booked> appointments) {

  /** One patient booked on the duty: the appointment, who, when, its status. */
  public record Booked(UUID appointmentId, UUID patientId, OffsetDateTime start, OffsetDateTime end, String status) {
  }
}
