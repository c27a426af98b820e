package fr.aiguillage.agenda;

import fr.aiguillage.agenda.model.ImportResult;
import fr.aiguillage.agenda.model.Interval;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.agenda.store.SlotStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Availability imported from a calendar: in one transaction, the professional's previously imported future
 * free slots are cancelled and the new ones inserted; booked ones stay; a new slot that would overlap a
 * live one is refused by the exclusion constraint and reported.
 */
public final class SlotImports {

  private final Pool pool;
  private final Clock clock;
  private final SlotStore slots = new SlotStore();

  public SlotImports(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Future<ImportResult> replace(UUID professionalId, UUID siteId, Map<SlotKind, List<Interval>> periods,
                                      int ignored) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> slots.cancelFutureImported(tx, professionalId, now)
        .compose(removed -> slots.countFutureBookedImported(tx, professionalId, now)
            .compose(kept -> insertAll(tx, professionalId, siteId, periods, now)
                .map(refused -> new ImportResult(periods.values().stream().mapToInt(List::size).sum() - refused.size(),
                    kept, removed, ignored, refused)))));
  }

  private Future<List<Interval>> insertAll(io.vertx.sqlclient.SqlClient tx, UUID professionalId, UUID siteId,
                                           Map<SlotKind, List<Interval>> periods, Instant now) {
    Future<List<Interval>> refused = Future.succeededFuture(List.of());
    for (Map.Entry<SlotKind, List<Interval>> kind : periods.entrySet()) {
      refused = refused.compose(soFar -> slots.insertImported(tx, professionalId, siteId, kind.getKey(),
          kind.getValue(), now).map(more -> {
            List<Interval> all = new java.util.ArrayList<>(soFar);
            all.addAll(more);
            return all;
          }));
    }
    return refused;
  }
}
