package fr.aiguillage.fhir.model;

import fr.aiguillage.agenda.model.SlotKind;

import java.util.Set;

/**
 * A CPTS as the SAS sees it: its territory, name, FINESS (9 characters, sent with the {@code 1} prefix the
 * guide asks for), phone (E.164, may be null) and the slot kinds it opens to the SAS.
 */
public record SasTerritory(String id, String name, String finess, String phone, Set<SlotKind> slotKinds) {

  /** The FINESS as the guide writes it in {@code Organization.identifier.value}: {@code 1} + 9 characters. */
  public String finessIdentifier() {
    return "1" + finess;
  }
}
