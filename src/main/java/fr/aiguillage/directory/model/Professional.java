package fr.aiguillage.directory.model;

import java.util.List;
import java.util.UUID;

/** A health professional of the directory, with the territories their sites lie in. */
public record Professional(
    UUID id,
    String rpps,
    String familyName,
    String givenName,
    Profession profession,
    String specialty,
    List<String> skills,
    String phone,
    String email,
    boolean acceptsSnp,
    boolean acceptsOverbooking,
    int mtCapacity,
    boolean active,
    List<String> territories,
    List<Site> sites) {
}
