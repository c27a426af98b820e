package fr.aiguillage.notify;

import fr.aiguillage.notify.model.Addressed;
import fr.aiguillage.notify.model.Letter;
import fr.aiguillage.notify.store.DirectNoticeStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox of messages other modules compose for professionals (issue 22: a duty given away; issue 23: a push
 * request's link). {@link #queue} writes them in the caller's transaction, so a message exists exactly when its act is
 * committed; {@link #runOnce} sends them through {@link DirectMessages} (issue 16's channels), each once, retried on
 * failure up to five attempts. A run takes three steps and holds no connection while the gateways answer: the claim
 * (a lease of {@code notify.claimSeconds}, committed at once), the sends, then one short transaction that marks each
 * message sent or due again. A sender that dies in between leaves its rows to the next run once the lease has passed.
 * It runs every {@code notify.dispatchIntervalMillis}, after each act ({@link #kick}), on {@link #SEND_ADDRESS} and
 * with push's job.
 */
public final class DirectOutbox {

  /** Event bus address: one run of the sender, answered with the number of messages handled. */
  public static final String SEND_ADDRESS = "aiguillage.notify.direct";
  private static final Logger LOG = LoggerFactory.getLogger(DirectOutbox.class);
  private static final int BATCH = 200;

  private final Pool pool;
  private final Clock clock;
  private final DirectMessages channels;
  private final Duration lease;
  private final DirectNoticeStore store = new DirectNoticeStore();

  DirectOutbox(Pool pool, Clock clock, DirectMessages channels, Duration lease) {
    this.pool = pool;
    this.clock = clock;
    this.channels = channels;
    this.lease = lease;
  }

  /** One message per professional (active ones; the channel each chose), in the caller's transaction. */
  public Future<Integer> queue(SqlClient tx, Letter letter, List<UUID> professionalIds) {
    return store.queue(tx, letter, professionalIds, clock.instant());
  }

  /** Messages the caller addressed (channel, recipient, text kept once sent), in its transaction; one per act each. */
  public Future<Void> queue(SqlClient tx, String topic, UUID ref, String territoryId, List<Addressed> messages) {
    return store.queue(tx, topic, ref, territoryId, messages, clock.instant());
  }

  /** Sends what is pending now, without waiting for the timer (the act is committed). */
  public void kick() {
    runOnce().onFailure(e -> LOG.warn("Direct messages not sent now: {}", e.getClass().getSimpleName()));
  }

  /** One run: claim, send, mark; how many messages it handled. */
  public Future<Integer> runOnce() {
    Instant now = clock.instant();
    Instant until = now.plus(lease);
    return store.claim(pool, now, until, BATCH).compose(claimed -> {
      List<Sent> done = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (DirectNoticeStore.Notice n : claimed) {
        chain = chain.compose(v -> send(n, until).map(outcome -> {
          if (outcome != null) {
            done.add(outcome);
          }
          return null;
        }));
      }
      return chain.compose(v -> mark(done)).map(claimed.size());
    });
  }

  /** What became of one claimed message. */
  private record Sent(UUID id, boolean delivered) {
  }

  /** Sends one message, unless its lease ran out during the run (null: left to a later run, not sent twice). */
  private Future<Sent> send(DirectNoticeStore.Notice n, Instant until) {
    if (!clock.instant().isBefore(until)) {
      return Future.succeededFuture();
    }
    return channels.send(n.territoryId(), n.channel(), n.recipient(), n.subject(), n.body())
        .transform(sent -> {
          if (sent.failed()) {
            LOG.warn("Direct message {} not sent: {}", n.id(), sent.cause().getClass().getSimpleName());
          }
          return Future.succeededFuture(new Sent(n.id(), sent.succeeded()));
        });
  }

  /** Every outcome of the run in one short transaction. */
  private Future<Void> mark(List<Sent> done) {
    if (done.isEmpty()) {
      return Future.succeededFuture();
    }
    Instant at = clock.instant();
    return pool.withTransaction(tx -> {
      Future<Void> chain = Future.succeededFuture();
      for (Sent s : done) {
        chain = chain.compose(v -> s.delivered() ? store.sent(tx, s.id(), at) : store.failed(tx, s.id()));
      }
      return chain;
    });
  }
}
