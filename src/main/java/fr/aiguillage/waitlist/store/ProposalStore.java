package fr.aiguillage.waitlist.store;

import fr.aiguillage.db.TerritoriesQuery;
import java.util.Set;
import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for proposals of waiting-list patients to GPs. */
public final class ProposalStore {

  /** A proposal as stored. */
  public record Stored(UUID id, UUID requestId, UUID professionalId, String status, String gpAnswer, String gpReason,
                       String patientAnswer, String patientReason, String notesForGp, OffsetDateTime createdAt) {
  }

  private static final String COLUMNS = "id, request_id, professional_id, status, gp_answer, gp_reason, patient_answer,"
      + " patient_reason, notes_for_gp, created_at";

  public Future<Void> insert(SqlClient tx, UUID id, UUID requestId, UUID professionalId, String notes, UUID by,
                             Instant now) {
    return tx.preparedQuery("INSERT INTO mt_proposal (id, request_id, professional_id, status, notes_for_gp, created_by,"
            + " created_at, updated_at) VALUES ($1, $2, $3, 'PENDING', $4, $5, $6, $6)")
        .execute(Tuple.of(id, requestId, professionalId, notes, by, SqlTime.utc(now)))
        .mapEmpty();
  }

  public Future<Optional<Stored>> findById(SqlClient db, UUID id, boolean forUpdate) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM mt_proposal WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toStored(rows.iterator().next())));
  }

  /** Records one side's answer ({@code gp} or {@code patient}) and the resulting status. */
  public Future<Stored> answer(SqlClient tx, UUID id, boolean gp, String answer, String reason, String status,
                               Instant now) {
    String side = gp ? "gp" : "patient";
    return tx.preparedQuery("UPDATE mt_proposal SET " + side + "_answer = $2, " + side + "_reason = $3, status = $4,"
            + " updated_at = $5 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, answer, reason, status, SqlTime.utc(now)))
        .map(rows -> toStored(rows.iterator().next()));
  }

  public Future<List<Stored>> forProfessional(SqlClient db, UUID professionalId) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM mt_proposal WHERE professional_id = $1"
            + " ORDER BY created_at DESC LIMIT 200")
        .execute(Tuple.of(professionalId))
        .map(rows -> {
          List<Stored> found = new ArrayList<>();
          rows.forEach(r -> found.add(toStored(r)));
          return found;
        });
  }

  private static Stored toStored(Row r) {
    return new Stored(r.getUUID("id"), r.getUUID("request_id"), r.getUUID("professional_id"), r.getString("status"),
        r.getString("gp_answer"), r.getString("gp_reason"), r.getString("patient_answer"), r.getString("patient_reason"),
        r.getString("notes_for_gp"), SqlTime.paris(r.getOffsetDateTime("created_at")));
  }

  /** The territory of the proposal's request. */
  public Future<Optional<Set<String>>> territoriesOf(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT ARRAY[r.territory_id] FROM mt_proposal p"
        + " JOIN waitlist_request r ON r.id = p.request_id WHERE p.id = $1", id);
  }
}
