package fr.aiguillage.events;

import fr.aiguillage.db.DbSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Listens to the event channel on its own connection and republishes every event on this instance's
 * event bus, so an event written by any instance reaches the screens connected to every instance.
 * When that connection is lost (database restart, failover) it reconnects every second or two, and before
 * relaying again it reads from the log what was written while it was not listening: a NOTIFY sent to nobody
 * is gone, the row is not, so the screens miss nothing.
 */
public final class EventRelay {

  /** Event bus address of all domain events ({@link DomainEvent#toJson()} bodies). */
  public static final String ADDRESS = "aiguillage.events";
  private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);
  /**
   * At most this many missed events are relayed after a reconnection, as many as a screen's own replay reads; an
   * outage that saw more written is beyond what a live screen can show anyway.
   */
  private static final int CATCH_UP_LIMIT = 5_000;

  private final Vertx vertx;
  private final Clock clock;
  private final Consumer<Duration> lag;
  private final PgSubscriber subscriber;
  private final List<JsonObject> held = new ArrayList<>();
  /** Highest event id relayed; -1 until the first subscription read where the log stands. */
  private long lastRelayed = -1;
  /** Read by health checks from other event loops. */
  private volatile boolean catchingUp = true;
  private volatile boolean stopping;

  /** {@code lag} receives, for each relayed event, how long after it was written it was relayed. */
  public EventRelay(Vertx vertx, DbSettings db, Clock clock, Consumer<Duration> lag) {
    this.vertx = vertx;
    this.clock = clock;
    this.lag = lag;
    this.subscriber = PgSubscriber.subscriber(vertx, fr.aiguillage.db.Pools.connectOptions(db)
            .setCachePreparedStatements(false))
        .reconnectPolicy(attempt -> Math.min(2_000L, 250L * (attempt + 1)));
    subscriber.channel(EventLog.CHANNEL)
        .handler(this::notified)
        .subscribeHandler(v -> catchUp());
  }

  public Future<Void> start() {
    return subscriber.connect();
  }

  public Future<Void> stop() {
    stopping = true;
    return subscriber.close();
  }

  /** True while the channel is listened to and what was missed has been relayed. */
  public boolean listening() {
    return !catchingUp && subscriber.actualConnection() != null;
  }

  private void notified(String payload) {
    JsonObject event;
    try {
      event = new JsonObject(payload);
    } catch (RuntimeException e) {
      LOG.warn("Ignoring a malformed event notification");
      return;
    }
    received(event);
  }

  private void received(JsonObject event) {
    if (catchingUp) {
      held.add(event);
    } else if (event.getBoolean("inLog", false)) {
      // Too large for a notification: read it, and anything after the last relayed, from the log, in order.
      catchUp();
    } else {
      relay(event);
    }
  }

  /** Runs at every (re)subscription, on the listening connection itself. */
  private void catchUp() {
    PgConnection connection = subscriber.actualConnection();
    if (connection == null || stopping) {
      return;
    }
    catchingUp = true;
    Future<Void> done = lastRelayed < 0 ? readLogEnd(connection) : relayMissed(connection);
    done.onComplete(ar -> {
      if (ar.failed()) {
        // The connection is going away again: the next subscription retries from the same point.
        LOG.warn("Event relay could not read the log after reconnecting: {}", ar.cause().getMessage());
        return;
      }
      catchingUp = false;
      long caughtUpTo = lastRelayed;
      List<JsonObject> pending = new ArrayList<>(held);
      held.clear();
      pending.stream().filter(e -> e.getLong("id") > caughtUpTo).forEach(this::received);
    });
  }

  private Future<Void> readLogEnd(PgConnection connection) {
    return connection.query("SELECT coalesce(max(id), 0) AS last FROM domain_event").execute()
        .map(rows -> {
          lastRelayed = rows.iterator().next().getLong("last");
          return null;
        });
  }

  private Future<Void> relayMissed(PgConnection connection) {
    return connection.preparedQuery("SELECT id, at, type, territory_id, payload FROM domain_event"
            + " WHERE id > $1 ORDER BY id LIMIT $2")
        .execute(Tuple.of(lastRelayed, CATCH_UP_LIMIT))
        .map(rows -> {
          int count = 0;
          for (Row r : rows) {
            relay(new DomainEvent(r.getLong("id"), r.getOffsetDateTime("at").toInstant(), r.getString("type"),
                r.getString("territory_id"), (JsonObject) r.getJson("payload")).toJson());
            count++;
          }
          if (count > 0) {
            LOG.info("Event relay reconnected and relayed {} event(s) written while it was away", count);
          }
          return null;
        });
  }

  private void relay(JsonObject event) {
    long id = event.getLong("id");
    lastRelayed = Math.max(lastRelayed, id);
    String at = event.getString("at");
    if (at != null) {
      Duration late = Duration.between(Instant.parse(at), clock.instant());
      lag.accept(late.isNegative() ? Duration.ZERO : late);
    }
    vertx.eventBus().publish(ADDRESS, event);
  }
}
