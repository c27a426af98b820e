package fr.aiguillage.indicators.store;

import java.util.List;

import static fr.aiguillage.indicators.store.Source.Definition.breakdown;
import static fr.aiguillage.indicators.store.Source.Definition.count;
import static fr.aiguillage.indicators.store.Source.Definition.measure;

/**
 * Push requests' figures (issue 23), kept apart from {@link FigureCatalog} so that the indicators' own work merges
 * easily: requests sent, accepted (and in which ring), time to acceptance, expired; per professional, requests
 * received and accepted. Read from the records (not rolled up): a month holds at most a few thousand requests.
 */
final class PushFigures {

  static final Source REQUESTS = new Source("push", Source.Kind.FLOW, """
      SELECT r.territory_id, r.created_at AS t, r.status, r.accepted_ring,
             extract(epoch FROM r.accepted_at - r.created_at) / 60 AS minutes
      FROM push_request r
      WHERE r.territory_id = ANY (:territories) AND r.created_at >= :from_at AND r.created_at < :to_at""", List.of(
      count("push.sent", "Demandes envoyées aux professionnels", "count(*)"),
      count("push.accepted", "Demandes acceptées", "count(*) FILTER (WHERE status = 'ACCEPTED')"),
      breakdown("push.acceptedByRing", "Demandes acceptées par cercle", "'cercle ' || accepted_ring",
          "count(*) FILTER (WHERE status = 'ACCEPTED')"),
      measure("push.medianMinutesToAcceptance", "Délai médian jusqu'à l'acceptation", "min", 0.5, "minutes",
          "count(minutes)"),
      measure("push.p90MinutesToAcceptance", "Délai d'acceptation au 90e centile", "min", 0.9, "minutes",
          "count(minutes)"),
      count("push.expired", "Demandes restées sans réponse", "count(*) FILTER (WHERE status = 'EXPIRED')"),
      count("push.withdrawn", "Demandes retirées par l'opérateur", "count(*) FILTER (WHERE status = 'WITHDRAWN')")));

  static final Source BY_PROFESSIONAL = new Source("pushProfessional", Source.Kind.FLOW, """
      SELECT r.territory_id, x.asked_at AS t, r.accepted_by = x.professional_id AS took,
             p.family_name || ' ' || p.given_name || ' (' || p.rpps || ')' AS professional
      FROM push_recipient x
      JOIN push_request r ON r.id = x.request_id
      JOIN professional p ON p.id = x.professional_id
      WHERE r.territory_id = ANY (:territories) AND x.asked_at >= :from_at AND x.asked_at < :to_at""", List.of(
      count("push.professionalsAsked", "Professionnels sollicités", "count(DISTINCT professional)"),
      breakdown("push.receivedByProfessional", "Demandes reçues par professionnel", "professional", "count(*)"),
      breakdown("push.acceptedByProfessional", "Demandes acceptées par professionnel", "professional",
          "count(*) FILTER (WHERE took)")));

  private PushFigures() {
  }
}
