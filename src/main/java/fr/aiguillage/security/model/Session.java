package fr.aiguillage.security.model;

import java.time.Instant;

/**
 * A freshly issued bearer token (only its hash is stored), when it stops working, and whether the account must
 * change its password before anything else.
 */
public record Session(String token, Instant expiresAt, Account account, boolean mustChangePassword) {
}
