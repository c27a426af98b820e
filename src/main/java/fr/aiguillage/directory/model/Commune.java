package fr.aiguillage.directory.model;

/** A commune by INSEE code, with its town-centre coordinates (WGS84). */
public record Commune(String insee, String name, String postcode, double lat, double lon) {
}
