package fr.aiguillage.directory.model;

import java.util.List;

/** A partial update: null leaves a field as it is; an empty {@code specialty} or {@code email} clears it. */
public record ProfessionalPatch(
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
    Boolean active) {
}
