package fr.aiguillage.notify.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What was (or will be) sent about an appointment, and each attempt. */
public record Notification(UUID id, UUID appointmentId, NoticeKind kind, Channel channel, String status,
                           OffsetDateTime dueAt, OffsetDateTime sentAt, String recipient, String subject, String body,
                           String smsEncoding, Integer smsSegments, String skipReason, List<Attempt> attempts) {
}
