package fr.aiguillage.agenda.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Nearest free slots, one per professional, and who might take the patient "en surnuméraire". */
public record SearchResult(List<Hit> results, List<Candidate> overbookingCandidates) {

  /**
   * A free slot ({@code kind} SLOT) or a professional on duty of the rota ({@code kind} DUTY, no {@code slot}: the
   * {@code duty} says where and when), its professional and site, and how far the site is from the patient (km, one
   * decimal).
   */
  public record Hit(String kind, SlotSummary slot, DutySummary duty, ProfessionalSummary professional,
                    SiteSummary site, double distanceKm) {

    public Hit(SlotSummary slot, ProfessionalSummary professional, SiteSummary site, double distanceKm) {
      this("SLOT", slot, null, professional, site, distanceKm);
    }

    /** When the patient would be seen: the slot's start, or the duty's suggested time. */
    public OffsetDateTime startsAt() {
      return slot != null ? slot.start() : duty.suggestedStart();
    }
  }

  /**
   * A duty being held: its place, the seats left, the band's hours and step, and the suggested time (the next free
   * step of the band); booking gives {@code dutyPlaceId} and a {@code start} inside the band.
   */
  public record DutySummary(UUID placeId, String bandLabel, int remainingPlaces, int capacity,
                            OffsetDateTime bandStart, OffsetDateTime bandEnd, int stepMinutes,
                            OffsetDateTime suggestedStart, OffsetDateTime suggestedEnd) {
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
