package fr.aiguillage.notify.model;

import java.time.Instant;
import java.util.UUID;

/** An outbox row a dispatcher has claimed: what to send about which appointment, and how many tries so far. */
public record Claimed(UUID id, UUID appointmentId, String territoryId, NoticeKind kind, Channel channel, int attempts,
                      Instant dueAt) {
}
