package fr.aiguillage.web;

import fr.aiguillage.events.DomainEvent;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.events.EventRelay;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Server-Sent Events of the domain events one subscriber may see, from every instance (through the event relay).
 * Each event carries its log id; a browser reconnecting with {@code Last-Event-ID} first gets what it missed in the
 * last 10 minutes, then the live events, each once and in order. A comment every heartbeat keeps proxies from
 * closing the stream. The operators' stream and the professionals' push stream differ only in what they show.
 */
public final class EventStream {

  static final Duration REPLAY = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final EventLog events;
  private final Clock clock;
  private final Duration heartbeat;

  public EventStream(Vertx vertx, EventLog events, Clock clock, Duration heartbeat) {
    this.vertx = vertx;
    this.events = events;
    this.clock = clock;
    this.heartbeat = heartbeat;
  }

  /**
   * Streams to this request what {@code view} makes of each event (the event as {@link DomainEvent#toJson()} gives
   * it), or nothing for an event the view maps to null.
   */
  public void open(RoutingContext ctx, UnaryOperator<JsonObject> view) {
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    long lastEventId = lastEventId(ctx);
    Subscription subscription = new Subscription(response, view, lastEventId);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(EventRelay.ADDRESS,
        message -> subscription.offer(message.body()));
    long beats = vertx.setPeriodic(heartbeat.toMillis(), id -> response.write(": heartbeat\n\n"));
    response.closeHandler(v -> {
      consumer.unregister();
      vertx.cancelTimer(beats);
    });
    response.write(": connected\n\n");
    if (lastEventId >= 0) {
      events.since(lastEventId, clock.instant().minus(REPLAY), 5_000)
          .onSuccess(subscription::replayed)
          .onFailure(e -> response.reset());
    }
  }

  /** One connected screen: replays, then forwards, each event once and in order. */
  private static final class Subscription {
    private final HttpServerResponse response;
    private final UnaryOperator<JsonObject> view;
    private final List<JsonObject> held = new ArrayList<>();
    private boolean replaying;
    private long lastSent;

    Subscription(HttpServerResponse response, UnaryOperator<JsonObject> view, long lastEventId) {
      this.response = response;
      this.view = view;
      this.lastSent = lastEventId;
      this.replaying = lastEventId >= 0;
    }

    void offer(JsonObject event) {
      if (replaying) {
        held.add(event);
      } else {
        send(event);
      }
    }

    void replayed(List<DomainEvent> missed) {
      missed.forEach(e -> send(e.toJson()));
      replaying = false;
      held.forEach(this::send);
      held.clear();
    }

    private void send(JsonObject event) {
      long id = event.getLong("id");
      if (id <= lastSent || response.closed()) {
        return;
      }
      JsonObject shown = view.apply(event);
      if (shown == null) {
        return;
      }
      lastSent = id;
      response.write("id: " + id + "\nevent: " + event.getString("type") + "\ndata: " + shown.encode() + "\n\n");
    }
  }

  private static long lastEventId(RoutingContext ctx) {
    // A browser's EventSource sends the header when it resumes by itself; the console's own reopening (after
    // the browser gave up) can only pass it in the query.
    String header = ctx.request().getHeader("Last-Event-ID");
    if (header == null) {
      header = ctx.request().getParam("lastEventId");
    }
    try {
      return header == null ? -1 : Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
