package fr.aiguillage.calls.model;

import java.time.OffsetDateTime;

/** What the provider posts: {@code from} as it came (maybe withheld), {@code to} the line called. */
public record TelephonyEvent(String callId, CallStatus event, String from, String to, OffsetDateTime at, String agent) {
}
