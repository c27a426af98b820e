package fr.aiguillage.fhir.model;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.directory.model.Commune;
import fr.aiguillage.directory.model.Site;

/** A free slot the CPTS opens to the SAS, with who, where and which CPTS. */
public record SasSlot(Slot slot, SasPractitioner professional, Site site, Commune commune, SasTerritory territory) {
}
