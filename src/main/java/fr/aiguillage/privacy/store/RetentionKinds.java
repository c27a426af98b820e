package fr.aiguillage.privacy.store;

import java.util.List;

/**
 * Every kind of record the retention job removes, one entry each: the setting that gives its duration in days
 * ({@code retention.days.<setting>}), how to count what is past its time, and how to remove one batch.
 *
 * <p>A purge statement takes the cutoff ($1) and the batch size ($2), locks its batch with {@code SKIP LOCKED} (two
 * instances never take the same rows, nobody waits long), adds what it removes to {@code retention_count} per
 * Paris day, territory, kind and category in the same statement (the counts and the removal commit together),
 * and returns one row {@code (kind, removed)} per kind it removed (a call takes its triages with it). Order matters: children before what they point to.
 */
public final class RetentionKinds {

  /** One kind of record, its duration setting, its count and its batch removal. */
  public record Kind(String name, String setting, String countSql, String purgeSql) {
  }

  /** Adds the rows of {@code gone} (created_at, territory_id, category) to the kept counts under this kind. */
  private static String counted(String kind, String gone) {
    return "counted_" + gone + " AS (INSERT INTO retention_count (day, territory_id, kind, category, removed)"
        + " SELECT (created_at AT TIME ZONE 'Europe/Paris')::date, coalesce(territory_id, ''), '" + kind + "',"
        + " coalesce(category, ''), count(*) FROM " + gone + " GROUP BY 1, 2, 3, 4"
        + " ON CONFLICT (day, territory_id, kind, category)"
        + " DO UPDATE SET removed = retention_count.removed + EXCLUDED.removed)";
  }

  static final Kind CALL = new Kind("CALL", "calls",
      "SELECT count(*) FROM call WHERE created_at < $1",
      "WITH picked AS (SELECT id FROM call WHERE created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED),"
          + " triages AS (DELETE FROM triage_assessment t USING picked p WHERE t.call_id = p.id"
          + "   RETURNING t.created_at, t.territory_id, coalesce(t.override_urgency, t.urgency) AS category),"
          + " calls AS (DELETE FROM call c USING picked p WHERE c.id = p.id"
          + "   RETURNING c.created_at, c.territory_id, coalesce(c.outcome, upper(c.status)) AS category),"
          + counted("TRIAGE", "triages") + ", " + counted("CALL", "calls")
          + " SELECT 'CALL' AS kind, count(*) AS removed FROM calls"
          + " UNION ALL SELECT 'TRIAGE', count(*) FROM triages");

  /** Triages not attached to a call (the others leave with their call). */
  static final Kind TRIAGE = new Kind("TRIAGE", "calls",
      "SELECT count(*) FROM triage_assessment t WHERE t.created_at < $1 AND t.call_id IS NULL"
          + " OR t.call_id IN (SELECT id FROM call WHERE created_at < $1)",
      "WITH picked AS (SELECT id FROM triage_assessment WHERE created_at < $1 AND call_id IS NULL"
          + "   ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED),"
          + " triages AS (DELETE FROM triage_assessment t USING picked p WHERE t.id = p.id"
          + "   RETURNING t.created_at, t.territory_id, coalesce(t.override_urgency, t.urgency) AS category),"
          + counted("TRIAGE", "triages") + " SELECT 'TRIAGE' AS kind, count(*) AS removed FROM triages");

  /** The telephony provider's raw events (no territory, nothing to count). */
  static final Kind CALL_EVENT = new Kind("CALL_EVENT", "calls",
      "SELECT count(*) FROM call_event WHERE received_at < $1",
      "WITH picked AS (SELECT ctid FROM call_event WHERE received_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED),"
          + " gone AS (DELETE FROM call_event e USING picked p WHERE e.ctid = p.ctid RETURNING 1)"
          + " SELECT 'CALL_EVENT' AS kind, count(*) AS removed FROM gone");

  /** The messages of an appointment go with it, whatever their own duration (children before parents). */
  private static final String APPOINTMENT_MESSAGES =
      " messages AS (SELECT n.id FROM notification n JOIN picked p ON n.appointment_id = p.id),"
          + " journal AS (DELETE FROM notification_journal j USING messages m WHERE j.notification_id = m.id),"
          + " attempts AS (DELETE FROM notification_attempt t USING messages m WHERE t.notification_id = m.id),"
          + " notices AS (DELETE FROM notification n USING messages m WHERE n.id = m.id),";

  /** Messages to patients and professionals (issue 16), their attempts and the journal's copies; by kind. */
  static final Kind NOTIFICATION = new Kind("NOTIFICATION", "notifications",
      "SELECT (SELECT count(*) FROM notification WHERE created_at < $1)"
          + " + (SELECT count(*) FROM notification_journal WHERE notification_id IS NULL AND at < $1)",
      "WITH picked AS (SELECT id FROM notification WHERE created_at < $1 ORDER BY created_at LIMIT $2"
          + "   FOR UPDATE SKIP LOCKED),"
          + " journal AS (DELETE FROM notification_journal j USING picked p WHERE j.notification_id = p.id),"
          + " loose AS (DELETE FROM notification_journal j WHERE j.id IN (SELECT id FROM notification_journal"
          + "   WHERE notification_id IS NULL AND at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)),"
          + " attempts AS (DELETE FROM notification_attempt t USING picked p WHERE t.notification_id = p.id),"
          + " gone AS (DELETE FROM notification n USING picked p WHERE n.id = p.id"
          + "   RETURNING n.created_at, n.territory_id, n.kind AS category),"
          + counted("NOTIFICATION", "gone") + " SELECT 'NOTIFICATION' AS kind, count(*) AS removed FROM gone");

  static final Kind APPOINTMENT = new Kind("APPOINTMENT", "appointments",
      "SELECT count(*) FROM appointment WHERE end_at < $1",
      "WITH picked AS (SELECT id FROM appointment WHERE end_at < $1 ORDER BY end_at LIMIT $2 FOR UPDATE SKIP LOCKED),"
          + APPOINTMENT_MESSAGES
          + " gone AS (DELETE FROM appointment a USING picked p WHERE a.id = p.id"
          + "   RETURNING a.start_at AS created_at, a.territory_id, upper(a.status) AS category),"
          + counted("APPOINTMENT", "gone") + " SELECT 'APPOINTMENT' AS kind, count(*) AS removed FROM gone");

  /** Closed waiting-list requests, with their history and proposals; counted by close reason. */
  static final Kind WAITLIST = new Kind("WAITLIST", "waitlistClosed",
      "SELECT count(*) FROM waitlist_request WHERE status = 'CLOSED' AND updated_at < $1",
      "WITH picked AS (SELECT id FROM waitlist_request WHERE status = 'CLOSED' AND updated_at < $1"
          + "   ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED),"
          + " history AS (DELETE FROM waitlist_history h USING picked p WHERE h.request_id = p.id),"
          + " proposals AS (DELETE FROM mt_proposal m USING picked p WHERE m.request_id = p.id),"
          + " gone AS (DELETE FROM waitlist_request w USING picked p WHERE w.id = p.id"
          + "   RETURNING w.created_at, w.territory_id, w.close_reason AS category),"
          + counted("WAITLIST", "gone") + " SELECT 'WAITLIST' AS kind, count(*) AS removed FROM gone");

  /** The oldest audit rows, a prefix of each chain at a time (audit_event_purge, V16). */
  static final Kind AUDIT = new Kind("AUDIT", "audit",
      "SELECT count(*) FROM audit_event WHERE at < $1",
      "WITH gone AS (SELECT day, territory_id, removed FROM audit_event_purge($1, $2)),"
          + " counted AS (INSERT INTO retention_count (day, territory_id, kind, category, removed)"
          + "   SELECT day, coalesce(territory_id, ''), 'AUDIT', '', sum(removed) FROM gone GROUP BY 1, 2"
          + "   ON CONFLICT (day, territory_id, kind, category)"
          + "   DO UPDATE SET removed = retention_count.removed + EXCLUDED.removed)"
          + " SELECT 'AUDIT' AS kind, coalesce(sum(removed), 0)::bigint AS removed FROM gone");

  private static final String UNREFERENCED_PATIENT = "p.updated_at < $1"
      + " AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.patient_id = p.id)"
      + " AND NOT EXISTS (SELECT 1 FROM call c WHERE c.patient_id = p.id)"
      + " AND NOT EXISTS (SELECT 1 FROM triage_assessment t WHERE t.patient_id = p.id)"
      + " AND NOT EXISTS (SELECT 1 FROM waitlist_request w WHERE w.patient_id = p.id)";

  /** A patient's identity once nothing held on them remains (and it has not changed for the duration). */
  static final Kind PATIENT = new Kind("PATIENT", "patients",
      "SELECT count(*) FROM patient p WHERE " + UNREFERENCED_PATIENT,
      "WITH picked AS (SELECT p.id FROM patient p WHERE " + UNREFERENCED_PATIENT
          + "   ORDER BY p.updated_at LIMIT $2 FOR UPDATE SKIP LOCKED),"
          + " gone AS (DELETE FROM patient x USING picked k WHERE x.id = k.id"
          + "   RETURNING x.created_at, (SELECT territory_id FROM commune WHERE insee = x.commune_insee) AS territory_id,"
          + "   NULL::text AS category),"
          + counted("PATIENT", "gone") + " SELECT 'PATIENT' AS kind, count(*) AS removed FROM gone");

  /** In the order the job runs them: messages before the appointments they point to. */
  public static final List<Kind> ALL = List.of(CALL, TRIAGE, CALL_EVENT, NOTIFICATION, APPOINTMENT, WAITLIST, AUDIT,
      PATIENT);

  private RetentionKinds() {
  }
}
