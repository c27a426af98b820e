package fr.aiguillage.push.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a recipient sees before anyone accepts: enough to decide, nothing identifying (no name, phone, birth date or
 * patient id), and their own sites to choose from.
 */
public record AnonymousView(UUID id, PushStatus status, String profession, String skill, String urgency,
                            OffsetDateTime deadline, String commune, String ageBand, String sex, String complaint,
                            String note, OffsetDateTime askedAt, List<SiteRef> mySites, boolean closed) {

  /** One of the recipient's sites, as offered for the appointment. */
  public record SiteRef(UUID id, String label) {
  }
}
