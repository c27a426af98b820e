package fr.aiguillage.patient.model;

import java.time.LocalDate;
import java.util.List;

/** What {@code POST /api/v1/patients} (or a booking with an inline patient) asks for. */
public record NewPatient(String familyName, String givenName, LocalDate birthDate, String phone,
                         String communeInsee, String sex, List<Fragility> fragility, Boolean hasMt,
                         String email, NotificationChannel notificationChannel, Boolean notificationConsent) {

  /** A patient without notification choices (they can be given later). */
  public NewPatient(String familyName, String givenName, LocalDate birthDate, String phone, String communeInsee,
                    String sex, List<Fragility> fragility, Boolean hasMt) {
    this(familyName, givenName, birthDate, phone, communeInsee, sex, fragility, hasMt, null, null, null);
  }
}
