package fr.aiguillage.privacy.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an erasure did: the patient's id (kept, pseudonymous), when, and which records stay under a duty. */
public record Erasure(UUID patientId, Instant erasedAt, List<String> kept) {
}
