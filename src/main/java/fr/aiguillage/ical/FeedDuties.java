package fr.aiguillage.ical;

import fr.aiguillage.ical.model.FeedEvent;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The duties of the rota a professional holds, for their feed: busy blocks with no patient data. The rota implements
 * it; a service without a rota has none.
 */
public interface FeedDuties {

  FeedDuties NONE = new FeedDuties() {
    @Override
    public Future<List<FeedEvent>> of(UUID professionalId, Instant from, Instant to) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<String> fingerprint(UUID professionalId, Instant from, Instant to) {
      return Future.succeededFuture("-");
    }
  };

  /** Published duties held in [from, to), as busy events. */
  Future<List<FeedEvent>> of(UUID professionalId, Instant from, Instant to);

  /** Changes whenever one of those duties changes (held, given back, patients booked). */
  Future<String> fingerprint(UUID professionalId, Instant from, Instant to);
}
