package fr.aiguillage.rota.model;

import java.util.List;
import java.util.UUID;

/** A group of communes of a territory sharing a rota; each territory has one default sector. */
public record Sector(UUID id, String territoryId, String name, boolean isDefault, List<String> communes) {
}
