package fr.aiguillage.notify.model;

/** A professional's choice: an e-mail (with an .ics) for each booking and cancellation, or none (default). */
public record NoticeSettings(boolean emailBookings) {
}
