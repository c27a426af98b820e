package fr.aiguillage.push.http;

import fr.aiguillage.events.EventLog;
import fr.aiguillage.push.Recipient;
import fr.aiguillage.push.RecipientActions;
import fr.aiguillage.web.EventStream;
import fr.aiguillage.web.Requests;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code GET /api/v1/me/push-requests/stream}: the professional's own Server-Sent Events, on the mechanism of the
 * operators' stream (web.EventStream): {@code push.asked} when a request reaches them, {@code push.closed} when one
 * they were asked is taken or ends; only the request's id and status, nothing about the patient.
 */
public final class PushStream {

  private final EventStream stream;

  public PushStream(Vertx vertx, EventLog events, Clock clock, Duration heartbeat) {
    this.stream = new EventStream(vertx, events, clock, heartbeat);
  }

  void open(RoutingContext ctx) {
    Recipient me = RecipientActions.of(Requests.caller(ctx));
    String professionalId = me.professionalId().toString();
    stream.open(ctx, event -> mine(event, professionalId));
  }

  private static JsonObject mine(JsonObject event, String professionalId) {
    String type = event.getString("type");
    JsonObject payload = event.getJsonObject("payload", new JsonObject());
    JsonArray to = payload.getJsonArray("professionalIds", new JsonArray());
    if (!("push.asked".equals(type) || "push.closed".equals(type)) || !to.contains(professionalId)) {
      return null;
    }
    return new JsonObject().put("id", event.getLong("id")).put("type", type).put("at", event.getValue("at"))
        .put("requestId", payload.getString("requestId")).put("status", payload.getString("status"));
  }
}
