package fr.aiguillage.booking.model;

/** The answer to a booking as first given (JSON), and whether this is a replay of an idempotent retry. */
public record Booked(String json, boolean replayed) {
}
