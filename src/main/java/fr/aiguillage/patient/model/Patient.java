package fr.aiguillage.patient.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The least we keep of a patient: who, how to call back, where, how fragile, whether they have an MT, and
 * how they want to be told of their appointments (channel, e-mail, when they consented; no consent, no message).
 */
public record Patient(UUID id, String familyName, String givenName, LocalDate birthDate, String phone,
                      String communeInsee, String sex, List<Fragility> fragility, Boolean hasMt, String territoryId,
                      String email, NotificationChannel notificationChannel, OffsetDateTime notificationConsentAt) {

  /** Consented, on a channel other than NONE. */
  public boolean wantsNotifications() {
    return notificationConsentAt != null && notificationChannel != null
        && notificationChannel != NotificationChannel.NONE;
  }
}
