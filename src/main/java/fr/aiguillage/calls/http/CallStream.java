package fr.aiguillage.calls.http;

import fr.aiguillage.events.DomainEvent;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.events.EventRelay;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.web.Requests;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/calls/stream}: Server-Sent Events of calls and bookings in the operator's
 * territories, from every instance (through the event relay). Each event carries its log id; a browser
 * reconnecting with {@code Last-Event-ID} first gets what it missed in the last 10 minutes. A comment
 * every {@code calls.streamHeartbeatSeconds} (15 s) keeps proxies from closing the stream.
 */
public final class CallStream {

  static final Duration REPLAY = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final EventLog events;
  private final Clock clock;
  private final Duration heartbeat;

  public CallStream(Vertx vertx, EventLog events, Clock clock, Duration heartbeat) {
    this.vertx = vertx;
    this.events = events;
    this.clock = clock;
    this.heartbeat = heartbeat;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("callStream").addHandler(this::stream);
  }

  /** One connected screen: replays, then forwards, each event once and in order. */
  private final class Subscription {
    private final HttpServerResponse response;
    private final Set<String> territories;
    private final List<JsonObject> held = new ArrayList<>();
    private boolean replaying;
    private long lastSent;

    Subscription(HttpServerResponse response, Set<String> territories, long lastEventId) {
      this.response = response;
      this.territories = territories;
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
      String type = event.getString("type");
      boolean wanted = (type.startsWith("call.") || type.startsWith("slot.") || type.startsWith("push."))
          && event.getString("territoryId") != null && territories.contains(event.getString("territoryId"));
      if (id <= lastSent || !wanted || response.closed()) {
        return;
      }
      lastSent = id;
      response.write("id: " + id + "\nevent: " + type + "\ndata: " + event.encode() + "\n\n");
    }
  }

  private void stream(RoutingContext ctx) {
    Caller caller = Requests.caller(ctx);
    if (!caller.hasAny(Role.OPERATOR, Role.COORDINATOR)) {
      throw new Forbidden("the live stream is for operators and coordinators");
    }
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    long lastEventId = lastEventId(ctx);
    Subscription subscription = new Subscription(response, Set.copyOf(caller.account().territories()), lastEventId);
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
