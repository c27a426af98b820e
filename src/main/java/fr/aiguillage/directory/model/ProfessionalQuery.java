package fr.aiguillage.directory.model;

import java.util.List;

/** Filters of the directory listing; {@code scope} null means every territory (ADMIN). */
public record ProfessionalQuery(
    Profession profession,
    String skill,
    String communeInsee,
    String territory,
    Boolean acceptsSnp,
    String text,
    boolean includeInactive,
    List<String> scope,
    int limit,
    int offset) {
}
