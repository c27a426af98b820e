package fr.aiguillage.directory.model;

/** A site as submitted; without lat/lon it takes its commune's centre. */
public record NewSite(String name, String address, String communeInsee, Double lat, Double lon, String phone) {
}
