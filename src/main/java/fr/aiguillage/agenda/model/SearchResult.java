package fr.aiguillage.agenda.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Nearest free slots, one per professional, and who might take the patient "en surnuméraire". */
public record SearchResult(List<Hit> results, List<Candidate> overbookingCandidates) {

  /** A free slot, its professional and site, and how far the site is from the patient (km, one decimal). */
  public record Hit(SlotSummary slot, ProfessionalSummary professional, SiteSummary site, double distanceKm) {
  }

  /** A professional who accepts extra patients, to be called. */
  public record Candidate(ProfessionalSummary professional, SiteSummary site, double distanceKm) {
  }

  public record SlotSummary(UUID id, OffsetDateTime start, OffsetDateTime end, SlotKind kind) {
  }

  public record ProfessionalSummary(UUID id, String familyName, String givenName, String profession, String phone) {
  }

  public record SiteSummary(UUID id, String name, String address, String communeInsee, double lat, double lon) {
  }
}
