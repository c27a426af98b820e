package fr.aiguillage.notify.model;

import java.time.OffsetDateTime;

/** One try at sending: when, sent or failed, and why it failed (no personal data). */
public record Attempt(int number, OffsetDateTime at, String outcome, String detail) {
}
