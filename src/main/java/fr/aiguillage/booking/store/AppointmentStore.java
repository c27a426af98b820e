package fr.aiguillage.booking.store;

import fr.aiguillage.db.TerritoriesQuery;
import java.util.Set;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.AppointmentQuery;
import fr.aiguillage.booking.model.AppointmentStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for appointments. One live appointment per slot is the table's unique index, not a check here. */
public final class AppointmentStore {

  private static final String COLUMNS = "id, status, slot_id, site_id, kind, start_at, end_at, professional_id,"
      + " patient_id, reason, call_id, triage_id, booked_by, cancel_reason, territory_id, version, created_at, origin";

  public Future<Void> insert(SqlClient db, Appointment a, Instant now) {
    return db.preparedQuery("INSERT INTO appointment (" + COLUMNS + ", updated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $17)")
        .execute(Tuple.from(new Object[] {a.id(), a.status().wire(), a.slot().id(), a.slot().siteId(),
            a.slot().kind(), a.slot().start(), a.slot().end(), a.professionalId(), a.patientId(), a.reason(),
            a.callId(), a.triageId(), a.bookedBy(), a.cancelReason(), a.territoryId(), a.version(), SqlTime.utc(now),
            a.origin()}))
        .mapEmpty();
  }

  public Future<Optional<Appointment>> findById(SqlClient db, UUID id, boolean forUpdate) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM appointment WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toAppointment(rows.iterator().next())));
  }

  /** Records that {@code id} replaces {@code movedFrom} (a move). */
  public Future<Void> markMovedFrom(SqlClient db, UUID id, UUID movedFrom) {
    return db.preparedQuery("UPDATE appointment SET moved_from = $2 WHERE id = $1")
        .execute(Tuple.of(id, movedFrom)).mapEmpty();
  }

  /** The appointment {@code id} replaced when it was booked by a move, if any. */
  public Future<Optional<Appointment>> movedFrom(SqlClient db, UUID id) {
    return db.preparedQuery("SELECT " + COLUMNS
            + " FROM appointment WHERE id = (SELECT moved_from FROM appointment WHERE id = $1)")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toAppointment(rows.iterator().next())));
  }

  /** Sets a new status (and cancel reason), bumping the version. */
  public Future<Appointment> changeStatus(SqlClient db, UUID id, AppointmentStatus status, String cancelReason,
                                          Instant now) {
    return db.preparedQuery("UPDATE appointment SET status = $2, cancel_reason = COALESCE($3, cancel_reason),"
            + " version = version + 1, updated_at = $4 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, status.wire(), cancelReason, SqlTime.utc(now)))
        .map(rows -> toAppointment(rows.iterator().next()));
  }

  public Future<List<Appointment>> find(SqlClient db, AppointmentQuery q) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM appointment WHERE"
            + " ($1::uuid IS NULL OR professional_id = $1) AND ($2::uuid IS NULL OR patient_id = $2)"
            + " AND ($3::timestamptz IS NULL OR start_at >= $3) AND ($4::timestamptz IS NULL OR start_at < $4)"
            + " AND ($5::text IS NULL OR status = $5)"
            + " AND (territory_id = ANY ($6) OR professional_id = $7 OR booked_by = $8)"
            + " ORDER BY start_at LIMIT $9")
        .execute(Tuple.from(new Object[] {q.professionalId(), q.patientId(), SqlTime.utc(q.from()), SqlTime.utc(q.to()),
            q.status() == null ? null : q.status().wire(), q.scopeTerritories().toArray(String[]::new),
            q.scopeProfessional(), q.scopeBookedBy(), q.limit()}))
        .map(rows -> {
          List<Appointment> found = new ArrayList<>();
          rows.forEach(row -> found.add(toAppointment(row)));
          return found;
        });
  }

  /** A professional's appointments starting in [from, to), cancelled ones included (a feed must cancel them). */
  public Future<List<Appointment>> ofProfessional(SqlClient db, UUID professionalId, Instant from, Instant to) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM appointment WHERE professional_id = $1"
            + " AND start_at >= $2 AND start_at < $3 ORDER BY start_at")
        .execute(Tuple.of(professionalId, SqlTime.utc(from), SqlTime.utc(to)))
        .map(rows -> {
          List<Appointment> found = new ArrayList<>();
          rows.forEach(row -> found.add(toAppointment(row)));
          return found;
        });
  }

  /** Changes whenever one of those appointments changes: count, sum of versions, latest update. */
  public Future<String> fingerprint(SqlClient db, UUID professionalId, Instant from, Instant to) {
    return db.preparedQuery("SELECT count(*) || '-' || coalesce(sum(version), 0) || '-'"
            + " || coalesce(extract(epoch FROM max(updated_at))::text, '0') FROM appointment"
            + " WHERE professional_id = $1 AND start_at >= $2 AND start_at < $3")
        .execute(Tuple.of(professionalId, SqlTime.utc(from), SqlTime.utc(to)))
        .map(rows -> rows.iterator().next().getString(0));
  }

  public Future<Boolean> existsWithProfessional(SqlClient db, UUID patientId, UUID professionalId) {
    return db.preparedQuery("SELECT EXISTS (SELECT 1 FROM appointment WHERE patient_id = $1 AND professional_id = $2)")
        .execute(Tuple.of(patientId, professionalId))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  public Future<Boolean> existsBookedBy(SqlClient db, UUID patientId, UUID accountId) {
    return db.preparedQuery("SELECT EXISTS (SELECT 1 FROM appointment WHERE patient_id = $1 AND booked_by = $2)")
        .execute(Tuple.of(patientId, accountId))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  private static Appointment toAppointment(Row row) {
    return new Appointment(row.getUUID("id"), AppointmentStatus.fromWire(row.getString("status")),
        new Appointment.BookedSlot(row.getUUID("slot_id"), row.getUUID("site_id"), row.getString("kind"),
            SqlTime.paris(row.getOffsetDateTime("start_at")), SqlTime.paris(row.getOffsetDateTime("end_at"))),
        row.getUUID("professional_id"), row.getUUID("patient_id"), row.getString("reason"), row.getUUID("call_id"),
        row.getUUID("triage_id"), row.getUUID("booked_by"), row.getString("cancel_reason"),
        row.getString("territory_id"), row.getInteger("version"), SqlTime.paris(row.getOffsetDateTime("created_at")),
        row.getString("origin"));
  }



  /** The territory the appointment was booked in. */
  public Future<Optional<Set<String>>> territoriesOf(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT ARRAY[territory_id] FROM appointment WHERE id = $1", id);
  }

  /** The territories where this patient has (or had) appointments; always one row. */
  public Future<Optional<Set<String>>> territoriesOfPatient(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT ARRAY(SELECT DISTINCT territory_id FROM appointment"
        + " WHERE patient_id = $1)", id);
  }
}
