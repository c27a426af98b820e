package fr.aiguillage.rota.model;

import java.util.UUID;

/** A professional on a place, and why. */
public record Assignment(UUID placeId, UUID professionalId, Reason reason) {
}
