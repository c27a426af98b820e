package fr.aiguillage.privacy.store;

import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Removes a patient's identity and what points to them by name or number, keeping the records a duty keeps
 * (docs/privacy.md, "Effacement"). Runs inside the caller's transaction, the patient's row locked first.
 */
public final class ErasureStore {

  /** The placeholder shown where a name was. */
  public static final String ERASED = "Effacé";

  /** When the patient was erased, if they were; empty if there is no such patient. */
  public Future<Optional<Optional<Instant>>> lock(SqlClient tx, UUID patientId) {
    return tx.preparedQuery("SELECT erased_at FROM patient WHERE id = $1 FOR UPDATE").execute(Tuple.of(patientId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Optional.ofNullable(
            rows.iterator().next().getOffsetDateTime("erased_at")).map(java.time.OffsetDateTime::toInstant)));
  }

  public Future<Long> upcomingAppointments(SqlClient tx, UUID patientId, Instant now) {
    return tx.preparedQuery("SELECT count(*) FROM appointment WHERE patient_id = $1 AND status = 'booked'"
            + " AND end_at > $2").execute(Tuple.of(patientId, SqlTime.utc(now)))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Names, phone, fragility and exact birth date go; the birth year, sex and commune stay (see docs/privacy.md). */
  public Future<Void> eraseIdentity(SqlClient tx, UUID patientId, Instant now) {
    return tx.preparedQuery("""
            UPDATE patient SET family_name = $2, given_name = $2, birth_date = date_trunc('year', birth_date)::date,
                   phone = NULL, fragility = '{}', has_mt = NULL, erased_at = $3, updated_at = $3
            WHERE id = $1""")
        .execute(Tuple.of(patientId, ERASED, SqlTime.utc(now))).mapEmpty();
  }

  /** The caller's number and the free-text note go; the call's time, territory and outcome stay. */
  public Future<Void> eraseCalls(SqlClient tx, UUID patientId, Instant now) {
    return tx.preparedQuery("""
            UPDATE call SET caller_e164 = NULL, caller_raw = NULL, note = NULL, updated_at = $2
            WHERE patient_id = $1""")
        .execute(Tuple.of(patientId, SqlTime.utc(now))).mapEmpty();
  }

  /**
   * Messages sent to the patient lose their recipient and text (they quote names and places); the journal's copies
   * go. What was sent, when and how stays (the appointment's history).
   */
  public Future<Void> eraseNotifications(SqlClient tx, UUID patientId) {
    return tx.preparedQuery("""
            WITH theirs AS (
              SELECT n.id FROM notification n JOIN appointment a ON a.id = n.appointment_id WHERE a.patient_id = $1),
            journal AS (DELETE FROM notification_journal j USING theirs t WHERE j.notification_id = t.id)
            UPDATE notification n SET recipient = NULL, subject = NULL, body = NULL FROM theirs t WHERE n.id = t.id""")
        .execute(Tuple.of(patientId)).mapEmpty();
  }

  /** Requests still open are closed (the patient withdraws); every request loses its number, notes and key. */
  public Future<Void> eraseWaitlist(SqlClient tx, UUID patientId, Instant now) {
    return tx.preparedQuery("""
            WITH closing AS (
              SELECT id, status FROM waitlist_request WHERE patient_id = $1 AND status IN ('OPEN', 'PROPOSED')
              FOR UPDATE),
            history AS (
              INSERT INTO waitlist_history (request_id, at, account_id, from_status, to_status, reason)
              SELECT id, $2, NULL, status, 'CLOSED', 'effacement à la demande du patient' FROM closing),
            proposals AS (
              UPDATE mt_proposal m SET status = 'DECLINED', patient_answer = 'DECLINED', updated_at = $2
              FROM closing c WHERE m.request_id = c.id AND m.status = 'PENDING')
            UPDATE waitlist_request w SET
              status = CASE WHEN w.id IN (SELECT id FROM closing) THEN 'CLOSED' ELSE w.status END,
              close_reason = CASE WHEN w.id IN (SELECT id FROM closing) THEN 'DECLINED' ELSE w.close_reason END,
              phone = NULL, notes = NULL, identity_key = 'erased:' || w.id, updated_at = $2
            WHERE w.patient_id = $1""")
        .execute(Tuple.of(patientId, SqlTime.utc(now))).mapEmpty();
  }
}
