package fr.aiguillage.push.http;

import fr.aiguillage.events.DomainEvent;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.events.EventRelay;
import fr.aiguillage.push.Recipient;
import fr.aiguillage.push.RecipientActions;
import fr.aiguillage.web.Requests;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/me/push-requests/stream}: the professional's own Server-Sent Events, on the mechanism of the
 * operators' stream (event relay, log ids, {@code Last-Event-ID} replay of the last 10 minutes, heartbeats):
 * {@code push.asked} when a request reaches them, {@code push.closed} when one they were asked is taken or ends.
 */
public final class PushStream {

  private static final Duration REPLAY = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final EventLog events;
  private final Clock clock;
  private final Duration heartbeat;

  public PushStream(Vertx vertx, EventLog events, Clock clock, Duration heartbeat) {
    this.vertx = vertx;
    this.events = events;
    this.clock = clock;
    this.heartbeat = heartbeat;
  }

  void open(RoutingContext ctx) {
    Recipient me = RecipientActions.of(Requests.caller(ctx));
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    long lastEventId = lastEventId(ctx);
    Subscription subscription = new Subscription(response, me.professionalId().toString(), lastEventId);
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

  private static final class Subscription {
    private final HttpServerResponse response;
    private final String professionalId;
    private final List<JsonObject> held = new ArrayList<>();
    private boolean replaying;
    private long lastSent;

    Subscription(HttpServerResponse response, String professionalId, long lastEventId) {
      this.response = response;
      this.professionalId = professionalId;
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
      JsonObject payload = event.getJsonObject("payload", new JsonObject());
      JsonArray to = payload.getJsonArray("professionalIds", new JsonArray());
      boolean wanted = ("push.asked".equals(type) || "push.closed".equals(type)) && to.contains(professionalId);
      if (id <= lastSent || !wanted || response.closed()) {
        return;
      }
      lastSent = id;
      JsonObject mine = new JsonObject().put("id", id).put("type", type).put("at", event.getValue("at"))
          .put("requestId", payload.getString("requestId")).put("status", payload.getString("status"));
      response.write("id: " + id + "\nevent: " + type + "\ndata: " + mine.encode() + "\n\n");
    }
  }

  private static long lastEventId(RoutingContext ctx) {
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
