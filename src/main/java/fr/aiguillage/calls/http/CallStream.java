package fr.aiguillage.calls.http;

import fr.aiguillage.events.EventLog;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.web.EventStream;
import fr.aiguillage.web.Requests;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code GET /api/v1/calls/stream}: Server-Sent Events of calls, bookings and push requests in the operator's
 * territories (web.EventStream: log ids, {@code Last-Event-ID} replay of the last 10 minutes, a heartbeat every
 * {@code calls.streamHeartbeatSeconds}). An event without a territory is nobody's here.
 */
public final class CallStream {

  private final EventStream stream;

  public CallStream(Vertx vertx, EventLog events, Clock clock, Duration heartbeat) {
    this.stream = new EventStream(vertx, events, clock, heartbeat);
  }

  public void mount(RouterBuilder api) {
    api.getRoute("callStream").addHandler(this::stream);
  }

  private void stream(RoutingContext ctx) {
    Caller caller = Requests.caller(ctx);
    if (!caller.hasAny(Role.OPERATOR, Role.COORDINATOR)) {
      throw new Forbidden("the live stream is for operators and coordinators");
    }
    Set<String> territories = Set.copyOf(caller.account().territories());
    stream.open(ctx, event -> shown(event, territories) ? event : null);
  }

  private static boolean shown(JsonObject event, Set<String> territories) {
    String type = event.getString("type");
    String territory = event.getString("territoryId");
    return (type.startsWith("call.") || type.startsWith("slot.") || type.startsWith("push."))
        && territory != null && territories.contains(territory);
  }
}
