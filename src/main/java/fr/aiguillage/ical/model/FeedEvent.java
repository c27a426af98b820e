package fr.aiguillage.ical.model;

import java.time.Instant;

/**
 * One event of a feed: an appointment (with the patient as the settings allow) or a free slot.
 * {@code sequence} grows with every change of the appointment.
 */
public record FeedEvent(String uid, Instant start, Instant end, String summary, String location, String description,
                        int sequence, boolean cancelled, boolean free, Instant stamp) {
}
