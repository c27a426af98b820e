package fr.aiguillage.indicators.store;

import java.util.List;

import static fr.aiguillage.indicators.store.Source.Definition.breakdown;
import static fr.aiguillage.indicators.store.Source.Definition.count;

/**
 * Appointments booked from the national SAS platform (issue 17): those whose booking carried the platform's
 * {@code origin}, counted in the period where they start (Paris time), with what became of them. A moved appointment
 * is counted once, as the appointment it was moved to (the move copies the origin and cancels the old one). Read from
 * the records (not rolled up): a CPTS takes a few hundred of them a month at most.
 */
final class SasFigures {

  static final Source BOOKINGS = new Source("sas", Source.Kind.FLOW, """
      SELECT a.territory_id, a.start_at AS t, a.status, a.origin
      FROM appointment a
      WHERE a.origin IS NOT NULL AND a.territory_id = ANY (:territories)
        AND a.start_at >= :from_at AND a.start_at < :to_at
        AND NOT EXISTS (SELECT 1 FROM appointment m WHERE m.moved_from = a.id)""", List.of(
      count("sas.booked", "Rendez-vous pris depuis le SAS", "count(*)"),
      count("sas.honoured", "Rendez-vous pris depuis le SAS et honorés",
          "count(*) FILTER (WHERE status = 'honoured')"),
      count("sas.noShow", "Rendez-vous pris depuis le SAS : patients non venus",
          "count(*) FILTER (WHERE status = 'no_show')"),
      count("sas.cancelled", "Rendez-vous pris depuis le SAS puis annulés",
          "count(*) FILTER (WHERE status = 'cancelled')"),
      breakdown("sas.byOrigin", "Rendez-vous pris depuis le SAS par origine", "origin", "count(*)")));

  private SasFigures() {
  }
}
