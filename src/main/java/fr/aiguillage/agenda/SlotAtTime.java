package fr.aiguillage.agenda;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.agenda.model.SlotSource;
import fr.aiguillage.agenda.model.SlotStatus;
import fr.aiguillage.agenda.store.SlotStore;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.failure.Conflict;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A free slot at the time a professional chose (a push request's acceptance, issue 23), inside the caller's
 * transaction: their own free slot starting then at that site if there is one, else a new SNP slot of the given
 * length. The overlap rule stays the table's exclusion constraint: a time inside another live slot is a conflict.
 */
public final class SlotAtTime {

  private final SlotStore slots = new SlotStore();

  public Future<UUID> freeSlot(SqlClient tx, UUID professionalId, UUID siteId, Instant start, Duration length,
                               Instant now) {
    return tx.preparedQuery("SELECT id FROM slot WHERE professional_id = $1 AND site_id = $2 AND start_at = $3"
            + " AND status = 'free' LIMIT 1")
        .execute(Tuple.of(professionalId, siteId, SqlTime.utc(start)))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(rows.iterator().next().getUUID(0))
            : created(tx, professionalId, siteId, start, length, now));
  }

  private Future<UUID> created(SqlClient tx, UUID professionalId, UUID siteId, Instant start, Duration length,
                               Instant now) {
    Slot slot = new Slot(UUID.randomUUID(), professionalId, siteId, SlotKind.SNP, SlotStatus.FREE,
        SqlTime.paris(SqlTime.utc(start)), SqlTime.paris(SqlTime.utc(start.plus(length))), SlotSource.MANUAL, null);
    // A savepoint-free check first: the exclusion failure would abort the whole transaction.
    return tx.preparedQuery("SELECT 1 FROM slot WHERE professional_id = $1 AND status <> 'cancelled'"
            + " AND tstzrange(start_at, end_at) && tstzrange($2, $3) LIMIT 1")
        .execute(Tuple.of(professionalId, SqlTime.utc(start), SqlTime.utc(start.plus(length))))
        .compose(rows -> rows.size() > 0 ? Future.failedFuture(overlap())
            : slots.insert(tx, slot, now).recover(e -> Future.failedFuture(
                e instanceof PgException pg && "23P01".equals(pg.getSqlState()) ? overlap() : e)))
        .map(slot.id());
  }

  private static Conflict overlap() {
    return new Conflict("SLOT_OVERLAP", "you already have a slot at this time: choose another time");
  }
}
