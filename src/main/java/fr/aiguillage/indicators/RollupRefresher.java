package fr.aiguillage.indicators;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.indicators.store.RollupStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Brings the indicators' daily rollups up to date every few seconds (docs/decisions/0019): consumes the pending
 * changes the writers' triggers appended and rewrites their days. Reports never wait for it: a day still pending
 * is recomputed from the records.
 */
final class RollupRefresher {

  private static final Logger LOG = LoggerFactory.getLogger(RollupRefresher.class);

  private final Pool pool;
  private final RollupStore rollups;
  private final Clock clock;
  private boolean running;

  RollupRefresher(Pool pool, RollupStore rollups, Clock clock) {
    this.pool = pool;
    this.rollups = rollups;
    this.clock = clock;
  }

  void start(Vertx vertx, long intervalMillis) {
    vertx.setPeriodic(1, intervalMillis, id -> runOnce());
  }

  /**
   * One round: batches until the changes queued before the round began are consumed (a round already under way is not
   * doubled). Changes queued during the round wait for the next one: under a stream of bookings a round chasing them
   * would rewrite the same day's block again and again beside the writers (decision 0034). The agenda's changes of
   * days from today on wait for their day to pass (decision 0037).
   */
  Future<Integer> runOnce() {
    if (running) {
      return Future.succeededFuture(0);
    }
    running = true;
    LocalDate today = LocalDate.ofInstant(clock.instant(), SqlTime.PARIS);
    return rollups.lastChange(pool).compose(upTo -> untilDone(0, upTo, today)).andThen(done -> {
      running = false;
      if (done.failed()) {
        LOG.warn("indicator rollups not refreshed: {}", done.cause().toString());
      } else if (done.result() > 0) {
        LOG.info("indicator rollups refreshed ({} changes)", done.result());
      }
    });
  }

  private Future<Integer> untilDone(int consumed, long upTo, LocalDate today) {
    return rollups.refresh(pool, upTo, today)
        .compose(n -> n == 0 ? Future.succeededFuture(consumed) : untilDone(consumed + n, upTo, today));
  }
}
