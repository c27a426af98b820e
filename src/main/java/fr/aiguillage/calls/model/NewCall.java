package fr.aiguillage.calls.model;

import java.util.UUID;

/** A call created by hand (walk-in, callback). */
public record NewCall(String territoryId, String caller, UUID patientId, String note) {
}
