package fr.aiguillage.patient.model;

/**
 * What a patient says about being told of their appointments, at booking or on their record: the channel,
 * an e-mail address, and their consent ({@code true} records it now, {@code false} withdraws it).
 */
public record NotificationChoice(NotificationChannel notificationChannel, String email, Boolean notificationConsent) {
}
