package fr.aiguillage.calls.http;

import fr.aiguillage.calls.CallIntake;
import fr.aiguillage.calls.CallService;
import fr.aiguillage.calls.model.Call;
import fr.aiguillage.calls.model.CallPatch;
import fr.aiguillage.calls.model.CallQuery;
import fr.aiguillage.calls.model.CallStatus;
import fr.aiguillage.calls.model.NewCall;
import fr.aiguillage.calls.model.TelephonyEvent;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.OffsetDateTime;
import java.util.List;

/** The telephony webhook and {@code /api/v1/calls}. */
public final class CallRoutes {

  record CallList(List<Call> items) {
  }

  private final CallIntake intake;
  private final CallService calls;
  private final TelephonySignature signature;

  public CallRoutes(CallIntake intake, CallService calls, TelephonySignature signature) {
    this.intake = intake;
    this.calls = calls;
    this.signature = signature;
  }

  public void mount(RouterBuilder api) {
    api.rootHandler(signature);
    api.getRoute("telephonyEvent").addHandler(this::webhook);
    api.getRoute("createCall").addHandler(this::create);
    api.getRoute("listCalls").addHandler(this::list);
    api.getRoute("getCall").addHandler(this::get);
    api.getRoute("updateCall").addHandler(this::update);
  }

  private void webhook(RoutingContext ctx) {
    AppConfig.Line line = ctx.get(TelephonySignature.LINE);
    TelephonyEvent event = Requests.body(ctx, TelephonyEvent.class);
    Responses.reply(ctx, intake.receive(line, event, Requests.clientIp(ctx)), fresh -> Responses.send(ctx, 202,
        new JsonObject().put("accepted", true).put("duplicate", !fresh).getMap()));
  }

  private void create(RoutingContext ctx) {
    NewCall request = Requests.body(ctx, NewCall.class);
    Responses.reply(ctx, calls.create(Requests.caller(ctx), request),
        call -> Responses.created(ctx, "/api/v1/calls/" + call.id(), call));
  }

  private void list(RoutingContext ctx) {
    OffsetDateTime from = Requests.queryTime(ctx, "from");
    OffsetDateTime to = Requests.queryTime(ctx, "to");
    String status = Requests.query(ctx, "status");
    CallQuery query = new CallQuery(status == null ? null : CallStatus.fromWire(status),
        from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), null,
        Requests.queryInt(ctx, "limit", 200));
    Responses.reply(ctx, calls.find(Requests.caller(ctx), query), found -> Responses.ok(ctx, new CallList(found)));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, calls.get(Requests.caller(ctx), Requests.pathUuid(ctx, "id")), c -> Responses.ok(ctx, c));
  }

  private void update(RoutingContext ctx) {
    CallPatch patch = Requests.body(ctx, CallPatch.class);
    Responses.reply(ctx, calls.update(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), patch),
        c -> Responses.ok(ctx, c));
  }
}
