package fr.aiguillage.indicators.store;

import fr.aiguillage.indicators.model.Figure;
import fr.aiguillage.indicators.model.Figure.Kind;

import java.util.List;

import static fr.aiguillage.indicators.store.Source.Definition.count;

/**
 * The duty rota's figures (issue 22), kept apart from {@link FigureCatalog} so that the indicators' own work merges
 * easily: per period and per sector, places required, held and left as gaps, the duty time held and the patients
 * booked on duty, over the published months; and the share of the territory's GPs who volunteered. Read from the
 * records (not rolled up): a month holds a few thousand places at most.
 */
final class RotaFigures {

  /** One row per place of a published month, in the period of its start (Paris). */
  static final Source PLACES = new Source("rotaPlaces", Source.Kind.FLOW, """
      SELECT m.territory_id, lower(p.during) AS t,
             CASE WHEN cardinality(:territories) > 1 THEN m.territory_id || ' — ' ELSE '' END || sec.name AS sector,
             a.place_id IS NOT NULL AS held,
             CASE WHEN a.place_id IS NULL THEN 0
                  ELSE round(extract(epoch FROM upper(p.during) - lower(p.during)) / 60)::bigint END AS minutes,
             coalesce(a.booked, 0)::bigint AS booked,
             pr.family_name || ' ' || pr.given_name || ' (' || pr.rpps || ')' AS volunteer
      FROM rota_place p
      JOIN rota_month m ON m.id = p.month_id
      JOIN rota_sector sec ON sec.id = p.sector_id
      LEFT JOIN rota_assignment a ON a.place_id = p.id
      LEFT JOIN professional pr ON pr.id = a.professional_id
      WHERE m.territory_id = ANY (:territories) AND m.status = 'PUBLISHED'
        AND lower(p.during) >= :from_at AND lower(p.during) < :to_at""", List.of(
      count("rota.placesRequired", "Places de garde à pourvoir", "count(*)"),
      count("rota.placesHeld", "Places de garde tenues", "count(*) FILTER (WHERE held)"),
      count("rota.gaps", "Places de garde non pourvues", "count(*) FILTER (WHERE NOT held)"),
      minutes("rota.dutyMinutesHeld", "Durée des gardes tenues", "coalesce(sum(minutes), 0)"),
      count("rota.patientsOnDuty", "Patients pris en charge sur une garde", "coalesce(sum(booked), 0)"),
      breakdown("rota.placesRequiredBySector", "Places de garde à pourvoir par secteur", "count(*)"),
      breakdown("rota.placesHeldBySector", "Places de garde tenues par secteur", "count(*) FILTER (WHERE held)"),
      breakdown("rota.gapsBySector", "Places de garde non pourvues par secteur", "count(*) FILTER (WHERE NOT held)"),
      breakdown("rota.dutyMinutesHeldBySector", "Durée des gardes tenues par secteur (min)",
          "coalesce(sum(minutes), 0)"),
      breakdown("rota.patientsOnDutyBySector", "Patients pris en charge sur une garde par secteur",
          "coalesce(sum(booked), 0)"),
      // each volunteer's share of the load, what the CPTS reports and pays effecteurs on (places not held: no key)
      byVolunteer("rota.dutyMinutesByVolunteer", "Durée des gardes tenues par volontaire (min)",
          "coalesce(sum(minutes) FILTER (WHERE held), 0)"),
      byVolunteer("rota.patientsOnDutyByVolunteer", "Patients pris en charge sur une garde par volontaire",
          "coalesce(sum(booked) FILTER (WHERE held), 0)")));

  /**
   * One row per rota month of the period (counted at its first day) and active GP of its territory (a site in one of
   * its communes, as the directory says today): did they offer at least one duty that month?
   */
  static final Source VOLUNTEERS = new Source("rotaVolunteers", Source.Kind.FLOW, """
      SELECT m.territory_id, m.month::timestamp AT TIME ZONE 'Europe/Paris' AS t,
             EXISTS (SELECT 1 FROM rota_availability v
                     WHERE v.month_id = m.id AND v.professional_id = pr.id AND v.offered > 0) AS volunteered
      FROM rota_month m
      JOIN professional pr ON pr.active AND pr.profession = 'GENERAL_PRACTITIONER'
        AND EXISTS (SELECT 1 FROM site si JOIN commune cm ON cm.insee = si.commune_insee
                    WHERE si.professional_id = pr.id AND cm.territory_id = m.territory_id)
      WHERE m.territory_id = ANY (:territories)
        AND m.month::timestamp AT TIME ZONE 'Europe/Paris' >= :from_at
        AND m.month::timestamp AT TIME ZONE 'Europe/Paris' < :to_at""", List.of(
      new Source.Definition(new Figure("rota.volunteerGpShare",
          "Part des médecins généralistes du territoire volontaires pour les gardes", Kind.SHARE, "%"),
          "count(*) FILTER (WHERE volunteered)", "count(*)", null, null, 0)));

  private RotaFigures() {
  }

  private static Source.Definition minutes(String code, String label, String sql) {
    return new Source.Definition(new Figure(code, label, Kind.COUNT, "min"), sql, null, null, null, 0);
  }

  private static Source.Definition breakdown(String code, String label, String sql) {
    return Source.Definition.breakdown(code, label, "sector", sql);
  }

  private static Source.Definition byVolunteer(String code, String label, String sql) {
    return Source.Definition.breakdown(code, label, "volunteer", sql);
  }
}
