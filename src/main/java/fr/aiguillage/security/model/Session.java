package fr.aiguillage.security.model;

import java.time.Instant;

/** A freshly issued bearer token (only its hash is stored) and when it stops working. */
public record Session(String token, Instant expiresAt, Account account) {
}
