package fr.aiguillage.notify;

import fr.aiguillage.notify.model.Letter;
import fr.aiguillage.notify.store.DirectNoticeStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The outbox of messages other modules compose for professionals (issue 22: a duty given away). {@link #queue} writes
 * them in the caller's transaction, so a message exists exactly when its act is committed; {@link #runOnce} sends them
 * through {@link DirectMessages} (issue 16's channels), each once, retried on failure up to five attempts. It runs
 * every {@code notify.dispatchIntervalMillis}, after each act ({@link #kick}), and on {@link #SEND_ADDRESS}.
 */
public final class DirectOutbox {

  /** Event bus address: one run of the sender, answered with the number of messages handled. */
  public static final String SEND_ADDRESS = "aiguillage.notify.direct";
  private static final Logger LOG = LoggerFactory.getLogger(DirectOutbox.class);
  private static final int BATCH = 200;

  private final Pool pool;
  private final Clock clock;
  private final DirectMessages channels;
  private final DirectNoticeStore store = new DirectNoticeStore();

  DirectOutbox(Pool pool, Clock clock, DirectMessages channels) {
    this.pool = pool;
    this.clock = clock;
    this.channels = channels;
  }

  /** One message per professional (active ones; the channel each chose), in the caller's transaction. */
  public Future<Integer> queue(SqlClient tx, Letter letter, List<UUID> professionalIds) {
    return store.queue(tx, letter, professionalIds, clock.instant());
  }

  /** Sends what is pending now, without waiting for the timer (the act is committed). */
  public void kick() {
    runOnce().onFailure(e -> LOG.warn("Direct messages not sent now: {}", e.getClass().getSimpleName()));
  }

  /** One run; how many messages it handled. */
  public Future<Integer> runOnce() {
    return pool.withTransaction(tx -> store.claim(tx, BATCH).compose(claimed -> {
      Future<Void> chain = Future.succeededFuture();
      for (DirectNoticeStore.Notice n : claimed) {
        chain = chain.compose(v -> send(tx, n));
      }
      return chain.map(claimed.size());
    }));
  }

  private Future<Void> send(SqlClient tx, DirectNoticeStore.Notice n) {
    return channels.send(n.territoryId(), n.channel(), n.recipient(), n.subject(), n.body())
        .transform(sent -> {
          if (sent.succeeded()) {
            return store.sent(tx, n.id(), clock.instant());
          }
          LOG.warn("Direct message {} not sent: {}", n.id(), sent.cause().getClass().getSimpleName());
          return store.failed(tx, n.id());
        });
  }
}
