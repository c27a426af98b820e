package fr.aiguillage.push;

import java.util.UUID;

/**
 * Who acts on the recipient side: the professional a session speaks for, or the one a link was sent to;
 * {@code accountId} is the session's account (null through a link without a session).
 */
public record Recipient(UUID professionalId, UUID accountId, String clientIp, boolean throughLink) {
}
