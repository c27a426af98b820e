package fr.aiguillage.push.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.push.model.PushRequest;
import fr.aiguillage.push.model.PushStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of push_request. The one acceptance is the conditional UPDATE of {@link #accept}: status moves from OPEN once. */
public final class PushStore {

  private static final String COLUMNS = """
      r.id, r.status, r.territory_id, r.triage_id, r.call_id, r.patient_id, r.mt_professional_id, r.profession, r.skill,
      r.urgency, r.deadline, r.commune_insee, r.age_band, r.sex, r.complaint, r.note, r.created_at, r.sent_by,
      r.current_ring, r.next_ring_at, r.alert_at, r.ended_at, r.end_reason, r.accepted_by, r.accepted_ring,
      r.accepted_at, r.appointment_id,
      (SELECT p.given_name || ' ' || p.family_name FROM professional p WHERE p.id = r.accepted_by) AS accepted_name,
      (SELECT a.start_at FROM appointment a WHERE a.id = r.appointment_id) AS accepted_start,
      (SELECT a.site_id FROM appointment a WHERE a.id = r.appointment_id) AS accepted_site""";

  /** A new request and the idempotency key it was sent with (may be null). */
  public Future<Void> insert(SqlClient tx, PushRequest r, String key, byte[] hash) {
    return tx.preparedQuery("""
            INSERT INTO push_request (id, territory_id, triage_id, call_id, patient_id, mt_professional_id, profession,
              skill, urgency, deadline, commune_insee, age_band, sex, complaint, note, status, current_ring,
              next_ring_at, alert_at, sent_by, idempotency_key, request_hash, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'OPEN', 0, NULL, $10, $16, $17,
                    $18, $19)""")
        .execute(Tuple.from(new Object[] {r.id(), r.territoryId(), r.triageId(), r.callId(), r.patientId(),
            r.mtProfessionalId(), r.profession(), r.skill(), r.urgency(), r.deadline(), r.communeInsee(), r.ageBand(),
            r.sex(), r.complaint(), r.note(), r.sentBy(), key, hash, r.createdAt()}))
        .mapEmpty();
  }

  /** The request already sent with this key by this account, and the hash of its body. */
  public Future<Optional<Keyed>> byKey(SqlClient db, UUID sentBy, String key) {
    return db.preparedQuery("SELECT id, request_hash FROM push_request WHERE sent_by = $1 AND idempotency_key = $2")
        .execute(Tuple.of(sentBy, key))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new Keyed(rows.iterator().next().getUUID(0),
            rows.iterator().next().getBuffer(1).getBytes())));
  }

  public record Keyed(UUID id, byte[] hash) {
  }

  public Future<Optional<PushRequest>> find(SqlClient db, UUID id, boolean forUpdate) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM push_request r WHERE r.id = $1"
            + (forUpdate ? " FOR UPDATE OF r" : ""))
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRequest(rows.iterator().next())));
  }

  public Future<List<PushRequest>> list(SqlClient db, List<String> territories, PushStatus status, int limit) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM push_request r WHERE r.territory_id = ANY ($1)"
            + " AND ($2::text IS NULL OR r.status = $2) ORDER BY r.created_at DESC LIMIT $3")
        .execute(Tuple.of(territories.toArray(String[]::new), status == null ? null : status.name(), limit))
        .map(PushStore::toRequests);
  }

  /** Open requests whose next ring or alert is due, locked for this run (other instances skip them). */
  public Future<List<UUID>> due(SqlClient tx, Instant now, int limit) {
    return tx.preparedQuery("SELECT id FROM push_request WHERE status = 'OPEN'"
            + " AND least(next_ring_at, alert_at) <= $1 ORDER BY least(next_ring_at, alert_at) LIMIT $2"
            + " FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(SqlTime.utc(now), limit))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID(0)));
          return ids;
        });
  }

  public Future<Void> ringAsked(SqlClient tx, UUID id, int ring, Instant nextRingAt, Instant alertAt) {
    return tx.preparedQuery("UPDATE push_request SET current_ring = $2, next_ring_at = $3, alert_at = $4 WHERE id = $1")
        .execute(Tuple.of(id, ring, nextRingAt == null ? null : SqlTime.utc(nextRingAt), SqlTime.utc(alertAt)))
        .mapEmpty();
  }

  /**
   * The first acceptance: one conditional UPDATE. Concurrent ones wait on the row lock, then find the status no longer
   * OPEN and change nothing. True when this one won.
   */
  public Future<Boolean> accept(SqlClient tx, UUID id, UUID professionalId, int ring, UUID appointmentId,
                                Instant now) {
    return tx.preparedQuery("""
            UPDATE push_request SET status = 'ACCEPTED', accepted_by = $2, accepted_ring = $3, appointment_id = $4,
              accepted_at = $5, ended_at = $5, end_reason = 'ACCEPTED', next_ring_at = NULL
            WHERE id = $1 AND status = 'OPEN'""")
        .execute(Tuple.of(id, professionalId, ring, appointmentId, SqlTime.utc(now)))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Ends an open request (withdrawn by the operator, or expired); true when it was still open. */
  public Future<Boolean> end(SqlClient tx, UUID id, PushStatus status, String reason, Instant now) {
    return tx.preparedQuery("UPDATE push_request SET status = $2, end_reason = $3, ended_at = $4, next_ring_at = NULL"
            + " WHERE id = $1 AND status = 'OPEN'")
        .execute(Tuple.of(id, status.name(), reason, SqlTime.utc(now)))
        .map(rows -> rows.rowCount() == 1);
  }

  /** What a triage says that a request carries: the age and sex (for the bands) and the complaint's key. */
  public Future<Optional<Row>> triageFacts(SqlClient db, UUID triageId) {
    return db.preparedQuery("SELECT age, sex, complaint FROM triage_assessment WHERE id = $1")
        .execute(Tuple.of(triageId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
  }

  private static List<PushRequest> toRequests(RowSet<Row> rows) {
    List<PushRequest> found = new ArrayList<>();
    rows.forEach(row -> found.add(toRequest(row)));
    return found;
  }

  static PushRequest toRequest(Row r) {
    UUID winner = r.getUUID("accepted_by");
    PushRequest.Acceptance acceptance = winner == null ? null : new PushRequest.Acceptance(winner,
        r.getString("accepted_name"), r.getUUID("appointment_id"), paris(r, "accepted_start"),
        r.getUUID("accepted_site"), paris(r, "accepted_at"), r.getInteger("accepted_ring"));
    return new PushRequest(r.getUUID("id"), PushStatus.valueOf(r.getString("status")), r.getString("territory_id"),
        r.getUUID("triage_id"), r.getUUID("call_id"), r.getUUID("patient_id"), r.getUUID("mt_professional_id"),
        r.getString("profession"), r.getString("skill"), r.getString("urgency"), paris(r, "deadline"),
        r.getString("commune_insee"), null, r.getString("age_band"), r.getString("sex"), r.getString("complaint"),
        r.getString("note"), paris(r, "created_at"), r.getUUID("sent_by"), r.getInteger("current_ring"),
        paris(r, "next_ring_at"), paris(r, "alert_at"), paris(r, "ended_at"), r.getString("end_reason"), List.of(),
        acceptance);
  }

  private static OffsetDateTime paris(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : SqlTime.paris(t);
  }
}
