package fr.aiguillage.calls.model;

import java.util.UUID;

/** What an operator records on a call. */
public record CallPatch(UUID operatorId, UUID patientId, CallOutcome outcome, String note) {
}
