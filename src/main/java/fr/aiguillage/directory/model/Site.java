package fr.aiguillage.directory.model;

import java.util.UUID;

/** A place where a professional practises (lieu d'exercice). */
public record Site(UUID id, String name, String address, String communeInsee, double lat, double lon, String phone) {
}
