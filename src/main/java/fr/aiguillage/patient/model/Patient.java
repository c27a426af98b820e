package fr.aiguillage.patient.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The least we keep of a patient: who, how to call back, where, how fragile, whether they have an MT. */
public record Patient(UUID id, String familyName, String givenName, LocalDate birthDate, String phone,
                      String communeInsee, String sex, List<Fragility> fragility, Boolean hasMt, String territoryId) {
}
