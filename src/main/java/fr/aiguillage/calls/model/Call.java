package fr.aiguillage.calls.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A call to the secretariat: who called (E.164, or unknown), which line, how it went. */
public record Call(UUID id, String providerCallId, String line, String territoryId, String caller, CallStatus status,
                   OffsetDateTime ringingAt, OffsetDateTime answeredAt, OffsetDateTime endedAt, String agent,
                   UUID operatorId, UUID patientId, CallOutcome outcome, String note, String source,
                   OffsetDateTime createdAt) {
}
