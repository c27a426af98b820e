package fr.aiguillage.notify.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message written to the local journal instead of being sent (no SMTP server or SMS gateway configured). */
public record JournalEntry(long id, OffsetDateTime at, UUID notificationId, String territoryId, Channel channel,
                           String recipient, String subject, String body, boolean hasAttachment) {
}
