package fr.aiguillage.notify.model;

import java.util.UUID;

/**
 * A message another module composed for one professional, its channel ("SMS" or "EMAIL") and recipient chosen by that
 * module (push requests: each carries its own one-time link). {@code kept} is the text stored once the message is
 * sent (push: the text with its link taken out); null keeps {@code body}.
 */
public record Addressed(UUID professionalId, String channel, String recipient, String subject, String body,
                        String kept) {
}
