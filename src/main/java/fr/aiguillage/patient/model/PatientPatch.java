package fr.aiguillage.patient.model;

import java.time.LocalDate;
import java.util.List;

/** A partial update of a patient; null leaves a field as it is (an empty {@code email} clears it). */
public record PatientPatch(String familyName, String givenName, LocalDate birthDate, String phone,
                           String communeInsee, String sex, List<Fragility> fragility, Boolean hasMt,
                           String email, NotificationChannel notificationChannel, Boolean notificationConsent) {
}
