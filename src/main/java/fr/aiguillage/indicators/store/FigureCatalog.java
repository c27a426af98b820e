package fr.aiguillage.indicators.store;

import fr.aiguillage.indicators.model.Figure;
import fr.aiguillage.indicators.store.Source.Definition;

import java.util.List;
import java.util.Set;

import static fr.aiguillage.indicators.store.Source.Definition.breakdown;
import static fr.aiguillage.indicators.store.Source.Definition.count;
import static fr.aiguillage.indicators.store.Source.Definition.distinct;
import static fr.aiguillage.indicators.store.Source.Definition.measure;
import static fr.aiguillage.indicators.store.Source.Definition.share;

/**
 * Every indicator, once: its code, its French label and the SQL that computes it, grouped by the records it
 * reads. docs/indicators.md defines each code in words. A new figure is one line here (and its paragraph there);
 * a new family of records is one more {@link Source}.
 */
public final class FigureCatalog {

  /** The CPTS's promise: an appointment (not cancelled) starting within 24 hours of the call. */
  private static final String WITHIN_24H = "status <> 'cancelled' AND start_at <= call_at + interval '24 hours'";

  static final Source CALLS = new Source("calls", Source.Kind.FLOW, """
      SELECT c.territory_id, coalesce(c.ringing_at, c.answered_at, c.created_at) AS t,
             c.answered_at IS NOT NULL AS answered,
             c.status, extract(epoch FROM c.answered_at - c.ringing_at) AS wait,
             to_char(coalesce(c.ringing_at, c.answered_at, c.created_at) AT TIME ZONE 'Europe/Paris', 'HH24') AS hour
      FROM call c
      WHERE c.territory_id = ANY (:territories) AND c.source = 'TELEPHONY'
        AND c.created_at >= :from_at - interval '1 day' AND c.created_at < :to_at + interval '1 day'
        AND coalesce(c.ringing_at, c.answered_at, c.created_at) >= :from_at
        AND coalesce(c.ringing_at, c.answered_at, c.created_at) < :to_at""", List.of(
      count("calls.received", "Appels reçus", "count(*)"),
      count("calls.answered", "Appels décrochés", "count(*) FILTER (WHERE answered)"),
      count("calls.abandoned", "Appels abandonnés avant décroché",
          "count(*) FILTER (WHERE NOT answered AND status IN ('ended', 'missed'))"),
      share("calls.answeredWithin20sShare", "Part des appels décrochés en 20 s ou moins",
          "count(*) FILTER (WHERE wait <= 20)", "count(*)"),
      share("calls.answeredWithin60sShare", "Part des appels décrochés en 60 s ou moins",
          "count(*) FILTER (WHERE wait <= 60)", "count(*)"),
      measure("calls.medianWaitSeconds", "Attente médiane avant décroché", "s", 0.5, "wait", "count(wait)"),
      measure("calls.p90WaitSeconds", "Attente au 90e centile avant décroché", "s", 0.9, "wait", "count(wait)"),
      breakdown("calls.byHour", "Appels reçus par heure de la journée", "hour", "count(*)")));

  static final Source TRIAGE = new Source("triage", Source.Kind.FLOW, """
      SELECT a.territory_id, a.created_at AS t, coalesce(a.override_urgency, a.urgency) AS urgency,
             CASE WHEN coalesce(a.override_urgency, a.urgency) NOT IN ('VITAL', 'ADVICE')
                  THEN coalesce(a.override_orientation, a.orientation) ->> 'profession' END AS profession,
             a.decided_by AS protocol, a.override_urgency IS NOT NULL AS overridden
      FROM triage_assessment a
      WHERE a.territory_id = ANY (:territories) AND a.created_at >= :from_at AND a.created_at < :to_at""",
      List.of(
      count("triage.assessments", "Évaluations de régulation", "count(*)"),
      breakdown("triage.byUrgency", "Évaluations par urgence retenue", "urgency", "count(*)"),
      count("triage.vitalTo15", "Urgences vitales adressées au 15", "count(*) FILTER (WHERE urgency = 'VITAL')"),
      breakdown("triage.byProfession", "Orientations par profession", "profession", "count(*)"),
      breakdown("triage.byProtocol", "Évaluations par protocole ou règle appliquée", "protocol", "count(*)"),
      share("triage.pharmacistShare", "Part des orientations vers un pharmacien",
          "count(*) FILTER (WHERE profession = 'PHARMACIST')", "count(profession)"),
      share("triage.nurseShare", "Part des orientations vers un infirmier",
          "count(*) FILTER (WHERE profession = 'NURSE')", "count(profession)"),
      share("triage.physiotherapistShare", "Part des orientations vers un kinésithérapeute",
          "count(*) FILTER (WHERE profession = 'PHYSIOTHERAPIST')", "count(profession)"),
      count("triage.overrides", "Décisions modifiées par l'opérateur", "count(*) FILTER (WHERE overridden)"),
      share("triage.overrideShare", "Part des décisions modifiées", "count(*) FILTER (WHERE overridden)",
          "count(*)")));

  static final Source CARE = new Source("snp", Source.Kind.FLOW, """
      SELECT a.territory_id, a.created_at AS t, coalesce(c.ringing_at, c.answered_at, a.created_at) AS call_at,
             b.start_at, b.status
      FROM triage_assessment a
      LEFT JOIN call c ON c.id = a.call_id
      LEFT JOIN (SELECT DISTINCT ON (x.triage_id) x.triage_id, x.start_at, x.status
                 FROM appointment x
                 WHERE x.triage_id IS NOT NULL AND x.created_at >= :from_at
                 ORDER BY x.triage_id, x.created_at DESC) b ON b.triage_id = a.id
      WHERE a.territory_id = ANY (:territories) AND a.created_at >= :from_at AND a.created_at < :to_at
        AND coalesce(a.override_urgency, a.urgency) NOT IN ('VITAL', 'ADVICE')""", List.of(
      count("snp.requests", "Demandes de soins non programmés", "count(*)"),
      count("snp.booked", "Demandes avec rendez-vous", "count(start_at)"),
      count("snp.bookedWithin24h", "Rendez-vous commençant dans les 24 h de l'appel",
          "count(*) FILTER (WHERE " + WITHIN_24H + ")"),
      share("snp.bookedWithin24hShare", "Part des demandes avec un rendez-vous dans les 24 h de l'appel",
          "count(*) FILTER (WHERE " + WITHIN_24H + ")", "count(*)"),
      measure("snp.medianHoursToAppointment", "Délai médian de l'appel au rendez-vous", "h", 0.5,
          "CASE WHEN status <> 'cancelled' THEN extract(epoch FROM start_at - call_at) / 3600 END",
          "count(*) FILTER (WHERE status <> 'cancelled')"),
      count("snp.honoured", "Rendez-vous honorés", "count(*) FILTER (WHERE status = 'honoured')"),
      count("snp.noShow", "Patients non venus", "count(*) FILTER (WHERE status = 'no_show')"),
      count("snp.cancelled", "Rendez-vous annulés", "count(*) FILTER (WHERE status = 'cancelled')")));

  static final Source AGENDA = new Source("agenda", Source.Kind.FLOW, """
      SELECT cm.territory_id, s.start_at AS t, s.status, s.professional_id, s.start_at < :now_at AS started,
             cm.insee || ' ' || cm.name AS commune
      FROM slot s
      JOIN site si ON si.id = s.site_id
      JOIN commune cm ON cm.insee = si.commune_insee
      WHERE cm.territory_id = ANY (:territories) AND s.kind = 'SNP' AND s.status IN ('free', 'booked')
        AND s.start_at >= :from_at AND s.start_at < :to_at""", List.of(
      count("agenda.published", "Créneaux SNP publiés", "count(*)"),
      count("agenda.booked", "Créneaux SNP réservés", "count(*) FILTER (WHERE status = 'booked')"),
      count("agenda.unused", "Créneaux SNP passés sans réservation",
          "count(*) FILTER (WHERE status = 'free' AND started)"),
      share("agenda.unusedShare", "Part des créneaux passés restés libres",
          "count(*) FILTER (WHERE status = 'free' AND started)", "count(*) FILTER (WHERE started)"),
      distinct("agenda.professionals", "Professionnels ayant publié au moins un créneau", "professional_id"),
      breakdown("agenda.publishedByCommune", "Créneaux SNP publiés par commune", "commune", "count(*)"),
      breakdown("agenda.bookedByCommune", "Créneaux SNP réservés par commune", "commune",
          "count(*) FILTER (WHERE status = 'booked')"),
      breakdown("agenda.unusedByCommune", "Créneaux SNP passés sans réservation par commune", "commune",
          "count(*) FILTER (WHERE status = 'free' AND started)")));

  static final Source MT_FLOW = new Source("mt", Source.Kind.FLOW, """
      SELECT r.created_at AS t, 'received' AS event, NULL::float8 AS days
      FROM waitlist_request r
      WHERE r.territory_id = ANY (:territories) AND r.created_at >= :from_at AND r.created_at < :to_at
      UNION ALL
      SELECT r.assigned_at, 'assigned', extract(epoch FROM r.assigned_at - r.created_at) / 86400
      FROM waitlist_request r
      WHERE r.territory_id = ANY (:territories) AND r.assigned_at >= :from_at AND r.assigned_at < :to_at
      UNION ALL
      SELECT r.updated_at, 'closed', NULL
      FROM waitlist_request r
      WHERE r.territory_id = ANY (:territories) AND r.status = 'CLOSED' AND r.assigned_at IS NULL
        AND r.updated_at >= :from_at AND r.updated_at < :to_at""", List.of(
      count("mt.received", "Demandes de médecin traitant reçues", "count(*) FILTER (WHERE event = 'received')"),
      count("mt.assigned", "Patients ayant trouvé un médecin traitant", "count(*) FILTER (WHERE event = 'assigned')"),
      count("mt.closedOtherwise", "Demandes closes sans attribution", "count(*) FILTER (WHERE event = 'closed')"),
      measure("mt.medianDaysToAssignment", "Attente médiane jusqu'à l'attribution", "j", 0.5, "days",
          "count(days)")));

  /**
   * Requests still open at the end of each period: +1 when a request is made, −1 when it is assigned or closed;
   * events before the range fall in its first period, and the running sum over periods is the state at each end.
   */
  static final Source MT_OPEN = new Source("mtOpen", Source.Kind.STOCK, """
      SELECT date_trunc(:unit, greatest(e.t, :from_at) AT TIME ZONE 'Europe/Paris')::date AS bucket, e.d,
             e.priority_reasons
      FROM (SELECT r.created_at AS t, 1 AS d, r.priority_reasons
            FROM waitlist_request r
            WHERE r.territory_id = ANY (:territories) AND r.created_at < :to_at
            UNION ALL
            SELECT coalesce(r.assigned_at, r.updated_at), -1, r.priority_reasons
            FROM waitlist_request r
            WHERE r.territory_id = ANY (:territories) AND (r.assigned_at IS NOT NULL OR r.status = 'CLOSED')
              AND coalesce(r.assigned_at, r.updated_at) < :to_at) e""", List.of(
      count("mt.open", "Demandes en attente en fin de période", "sum(d)"),
      count("mt.openAld", "Demandes en attente : patients en ALD",
          "coalesce(sum(d) FILTER (WHERE 'ALD' = ANY (priority_reasons)), 0)"),
      count("mt.openAged70", "Demandes en attente : patients de 70 ans ou plus",
          "coalesce(sum(d) FILTER (WHERE 'AGE_70_PLUS' = ANY (priority_reasons)), 0)"),
      count("mt.openCssAme", "Demandes en attente : patients bénéficiaires de la CSS ou de l'AME",
          "coalesce(sum(d) FILTER (WHERE 'CSS_OR_AME' = ANY (priority_reasons)), 0)")));

  /** Today's capacity (the directory keeps no history of it): shown for the whole range only. */
  static final Source MT_CAPACITY = new Source("mtCapacity", Source.Kind.CURRENT, """
      SELECT pr.mt_capacity
      FROM professional pr
      WHERE pr.active AND pr.profession = 'GENERAL_PRACTITIONER' AND pr.mt_capacity > 0
        AND EXISTS (SELECT 1 FROM site si JOIN commune cm ON cm.insee = si.commune_insee
                    WHERE si.professional_id = pr.id AND cm.territory_id = ANY (:territories))""", List.of(
      count("mt.gpsWithCapacity", "Médecins généralistes pouvant accueillir de nouveaux patients (aujourd'hui)",
          "count(*)"),
      count("mt.placesOffered", "Places de médecin traitant offertes (aujourd'hui)", "coalesce(sum(mt_capacity), 0)")));

  static final List<Source> SOURCES = List.of(CALLS, TRIAGE, CARE, AGENDA, MT_FLOW, MT_OPEN, MT_CAPACITY,
      PushFigures.REQUESTS, PushFigures.BY_PROFESSIONAL,
      RotaFigures.PLACES, RotaFigures.VOLUNTEERS, SasFigures.BOOKINGS);
  /** Every figure, in the catalogue's order, and those only known as of now: listed once, read at every report. */
  private static final List<Figure> FIGURES = SOURCES.stream().flatMap(s -> s.figures().stream())
      .map(Definition::figure).toList();
  private static final Set<Figure> CURRENT = Set.copyOf(SOURCES.stream()
      .filter(s -> s.kind() == Source.Kind.CURRENT).flatMap(s -> s.figures().stream()).map(Definition::figure).toList());

  private FigureCatalog() {
  }

  /** Every figure, in the order answers and exports list them. */
  public static List<Figure> figures() {
    return FIGURES;
  }

  /** True for a figure only known as of now (shown for the whole range, not per period). */
  public static boolean isCurrent(Figure figure) {
    return CURRENT.contains(figure);
  }
}
