package fr.aiguillage.events;

import fr.aiguillage.db.DbSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the event channel on its own connection and republishes every event on this instance's
 * event bus, so an event written by any instance reaches the screens connected to every instance.
 */
public final class EventRelay {

  /** Event bus address of all domain events ({@link DomainEvent#toJson()} bodies). */
  public static final String ADDRESS = "aiguillage.events";
  private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);

  private final PgSubscriber subscriber;
  private volatile boolean stopping;

  public EventRelay(Vertx vertx, DbSettings db) {
    this.subscriber = PgSubscriber.subscriber(vertx, fr.aiguillage.db.Pools.connectOptions(db)
            .setCachePreparedStatements(false))
        .reconnectPolicy(attempt -> Math.min(30_000L, 500L * (attempt + 1)));
    subscriber.channel(EventLog.CHANNEL).handler(payload -> {
      try {
        vertx.eventBus().publish(ADDRESS, new JsonObject(payload));
      } catch (RuntimeException e) {
        LOG.warn("Ignoring a malformed event notification");
      }
    });
    subscriber.closeHandler(v -> {
      if (!stopping) {
        LOG.warn("Event channel connection lost; reconnecting");
      }
    });
  }

  public Future<Void> start() {
    return subscriber.connect();
  }

  public Future<Void> stop() {
    stopping = true;
    return subscriber.close();
  }
}
