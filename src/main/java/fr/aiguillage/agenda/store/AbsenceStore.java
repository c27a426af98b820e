package fr.aiguillage.agenda.store;

import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.UUID;

/** SQL for absences. */
public final class AbsenceStore {

  public Future<Void> insert(SqlClient db, UUID id, UUID professionalId, Instant from, Instant to, String reason,
                             UUID createdBy, Instant now) {
    return db.preparedQuery("INSERT INTO absence (id, professional_id, from_at, to_at, reason, created_by, created_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .execute(Tuple.from(new Object[] {id, professionalId, SqlTime.utc(from), SqlTime.utc(to), reason,
            createdBy, SqlTime.utc(now)}))
        .mapEmpty();
  }
}
