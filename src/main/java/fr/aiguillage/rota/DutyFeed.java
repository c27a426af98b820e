package fr.aiguillage.rota;

import fr.aiguillage.ical.FeedDuties;
import fr.aiguillage.ical.model.FeedEvent;
import fr.aiguillage.rota.store.DutyStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A professional's duties in their calendar feed: one busy block per duty of a published month, named by its band,
 * with how many patients are booked (a count, never who: the patients are in the feed's own appointment events).
 */
public final class DutyFeed implements FeedDuties {

  private final Pool pool;
  private final DutyStore store = new DutyStore();

  public DutyFeed(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<FeedEvent>> of(UUID professionalId, Instant from, Instant to) {
    return store.ofProfessional(pool, professionalId, from, to).map(duties -> duties.stream()
        .map(d -> new FeedEvent("duty-" + d.placeId() + "@aiguillage", d.start(), d.end(),
            "Garde SNP (CPTS) — " + d.bandLabel(), null,
            "Garde du tableau de la CPTS : " + d.booked() + " patient(s) adressé(s) sur " + d.capacity(),
            0, false, false, d.start()))
        .toList());
  }

  @Override
  public Future<String> fingerprint(UUID professionalId, Instant from, Instant to) {
    return store.fingerprint(pool, professionalId, from, to);
  }
}
