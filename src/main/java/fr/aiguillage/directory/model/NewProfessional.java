package fr.aiguillage.directory.model;

import java.util.List;

/** What {@code POST /api/v1/professionals} asks for. */
public record NewProfessional(
    String rpps,
    String familyName,
    String givenName,
    Profession profession,
    String specialty,
    List<String> skills,
    String phone,
    String email,
    Boolean acceptsSnp,
    Boolean acceptsOverbooking,
    Integer mtCapacity,
    List<NewSite> sites) {
}
