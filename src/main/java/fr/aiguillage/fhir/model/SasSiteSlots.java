package fr.aiguillage.fhir.model;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.directory.model.Site;

import java.util.List;

/** One professional's free slots at one of their sites, as the SAS search reads them in one statement. */
public record SasSiteSlots(SasPractitioner practitioner, Site site, List<Slot> slots) {
}
