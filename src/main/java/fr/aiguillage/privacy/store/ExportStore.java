package fr.aiguillage.privacy.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything held on one patient, one query per section, each taking the patient's id ($1). A new kind of record
 * (notifications, issue 16) is one more entry in {@link #SECTIONS}.
 */
public final class ExportStore {

  /** The records of this patient's calls, triages, appointments and requests, whose reads are theirs too. */
  private static final String RECORD_IDS = """
      SELECT $1::uuid::text UNION ALL SELECT id::text FROM call WHERE patient_id = $1
      UNION ALL SELECT id::text FROM triage_assessment WHERE patient_id = $1
      UNION ALL SELECT id::text FROM appointment WHERE patient_id = $1
      UNION ALL SELECT id::text FROM waitlist_request WHERE patient_id = $1""";

  static final Map<String, String> SECTIONS = sections();

  private static Map<String, String> sections() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("patient", """
        SELECT p.id, p.family_name, p.given_name, p.birth_date, p.phone, p.commune_insee, c.name AS commune_name,
               p.sex, p.fragility, p.has_mt, p.created_at, p.updated_at, p.erased_at
        FROM patient p JOIN commune c ON c.insee = p.commune_insee WHERE p.id = $1""");
    s.put("calls", """
        SELECT id, territory_id, line, caller_e164, status, ringing_at, answered_at, ended_at, outcome, note, source,
               created_at
        FROM call WHERE patient_id = $1 ORDER BY created_at""");
    s.put("triages", """
        SELECT id, call_id, territory_id, age, sex, complaint, red_flags, answers, rules_version, urgency,
               orientation, out_of_hours, advice, override_urgency, override_orientation, override_reason, created_at
        FROM triage_assessment WHERE patient_id = $1 ORDER BY created_at""");
    s.put("appointments", """
        SELECT a.id, a.start_at, a.end_at, a.kind, a.status, a.reason, a.cancel_reason, a.territory_id,
               pr.family_name AS professional_family_name, pr.given_name AS professional_given_name,
               pr.profession, a.created_at
        FROM appointment a JOIN professional pr ON pr.id = a.professional_id
        WHERE a.patient_id = $1 ORDER BY a.start_at""");
    s.put("waitlistRequests", """
        SELECT id, territory_id, source, status, close_reason, notes, phone, priority_reasons, created_at, updated_at
        FROM waitlist_request WHERE patient_id = $1 ORDER BY created_at""");
    s.put("waitlistHistory", """
        SELECT h.request_id, h.at, h.from_status, h.to_status, h.reason
        FROM waitlist_history h JOIN waitlist_request w ON w.id = h.request_id
        WHERE w.patient_id = $1 ORDER BY h.at, h.id""");
    s.put("proposals", """
        SELECT m.request_id, m.status, m.gp_answer, m.patient_answer, m.created_at,
               pr.family_name AS professional_family_name, pr.given_name AS professional_given_name
        FROM mt_proposal m JOIN waitlist_request w ON w.id = m.request_id JOIN professional pr ON pr.id = m.professional_id
        WHERE w.patient_id = $1 ORDER BY m.created_at""");
    s.put("notifications", """
        SELECT n.id, n.appointment_id, n.kind, n.channel, n.status, n.recipient, n.subject, n.body, n.attempts,
               n.due_at, n.sent_at, n.created_at
        FROM notification n JOIN appointment a ON a.id = n.appointment_id
        WHERE a.patient_id = $1 ORDER BY n.created_at""");
    s.put("accessLog", """
        SELECT e.at, ac.login, e.action, e.entity_type, e.entity_id, e.outcome
        FROM audit_event e LEFT JOIN account ac ON ac.id = e.account_id
        WHERE e.entity_id IN (""" + RECORD_IDS + ") ORDER BY e.at, e.id");
    return java.util.Collections.unmodifiableMap(s);
  }

  /** Each section by name: "patient" one object, the others lists (possibly empty). */
  public Future<JsonObject> export(SqlClient db, UUID patientId) {
    List<String> names = List.copyOf(SECTIONS.keySet());
    List<Future<JsonArray>> reads = names.stream()
        .map(name -> db.preparedQuery(SECTIONS.get(name)).execute(Tuple.of(patientId)).map(RowJson::all))
        .toList();
    return Future.all(reads).map(all -> {
      JsonObject out = new JsonObject();
      for (int i = 0; i < names.size(); i++) {
        JsonArray rows = reads.get(i).result();
        out.put(names.get(i), "patient".equals(names.get(i)) ? rows.getJsonObject(0) : rows);
      }
      return out;
    });
  }
}
