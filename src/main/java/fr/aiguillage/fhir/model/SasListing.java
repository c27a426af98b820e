package fr.aiguillage.fhir.model;

import fr.aiguillage.directory.model.Site;

import java.util.List;
import java.util.UUID;

/** What the SAS search needs of an active professional from the directory: the practitioner and their sites. */
public record SasListing(SasPractitioner practitioner, List<Site> sites) {

  public SasListing {
    sites = List.copyOf(sites);
  }

  /** One of the professional's sites, or null. */
  public Site site(UUID id) {
    for (Site s : sites) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }
}
