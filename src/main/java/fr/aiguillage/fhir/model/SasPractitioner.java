package fr.aiguillage.fhir.model;

import fr.aiguillage.directory.model.Professional;

import java.util.UUID;

/** What the SAS's answers show of a professional: the Practitioner (RPPS, name) and the role's fallback phone. */
public record SasPractitioner(UUID id, String rpps, String familyName, String givenName, String phone) {

  public static SasPractitioner of(Professional p) {
    return new SasPractitioner(p.id(), p.rpps(), p.familyName(), p.givenName(), p.phone());
  }
}
