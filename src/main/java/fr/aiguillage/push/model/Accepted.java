package fr.aiguillage.push.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The winner's answer: the appointment and, now only, who the patient is and how to reach them (audited). */
public record Accepted(UUID appointmentId, OffsetDateTime start, AnonymousView.SiteRef site, PatientContact patient) {

  public record PatientContact(String firstName, String lastName, String phone) {
  }
}
