package fr.aiguillage.fhir.model;

import fr.aiguillage.directory.model.Commune;
import fr.aiguillage.directory.model.Site;

/**
 * One professional at one site: the FHIR Schedule and PractitionerRole (both take the site's id; a site belongs
 * to one professional).
 */
public record SasSchedule(SasPractitioner professional, Site site, Commune commune, SasTerritory territory) {
}
