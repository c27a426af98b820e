package fr.aiguillage.push.http;

import fr.aiguillage.push.AcceptPushRequest;
import fr.aiguillage.push.ProSettingsService;
import fr.aiguillage.push.Recipient;
import fr.aiguillage.push.RecipientActions;
import fr.aiguillage.push.SendPushRequest;
import fr.aiguillage.push.SenderActions;
import fr.aiguillage.push.model.AnonymousView;
import fr.aiguillage.push.model.PushBodies;
import fr.aiguillage.push.model.PushRequest;
import fr.aiguillage.push.model.PushStatus;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/** {@code /api/v1/push-requests}, {@code /api/v1/me/push-requests}, {@code /api/v1/push-links/{token}}, push settings. */
public final class PushRoutes {

  record PushList(List<PushRequest> items) {
  }

  record ViewList(List<AnonymousView> items) {
  }

  private final SendPushRequest send;
  private final SenderActions senders;
  private final RecipientActions recipients;
  private final AcceptPushRequest accepts;
  private final ProSettingsService settings;
  private final PushStream stream;

  public PushRoutes(SendPushRequest send, SenderActions senders, RecipientActions recipients,
                    AcceptPushRequest accepts, ProSettingsService settings, PushStream stream) {
    this.send = send;
    this.senders = senders;
    this.recipients = recipients;
    this.accepts = accepts;
    this.settings = settings;
    this.stream = stream;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getPushSettings").addHandler(this::getSettings);
    api.getRoute("putPushSettings").addHandler(this::putSettings);
    api.getRoute("sendPushRequest").addHandler(this::send);
    api.getRoute("listPushRequests").addHandler(this::list);
    api.getRoute("getPushRequest").addHandler(this::get);
    api.getRoute("widenPushRequest").addHandler(this::widen);
    api.getRoute("withdrawPushRequest").addHandler(this::withdraw);
    api.getRoute("myPushRequests").addHandler(this::mine);
    api.getRoute("myPushRequestStream").addHandler(stream::open);
    api.getRoute("getMyPushRequest").addHandler(ctx -> bySession(ctx, (who, id, c) -> recipients.view(who, id), Responses::ok));
    api.getRoute("acceptMyPushRequest").addHandler(ctx -> bySession(ctx, this::accept, this::created));
    api.getRoute("declineMyPushRequest").addHandler(ctx -> bySession(ctx, this::decline, this::noContent));
    api.getRoute("getPushLink").addHandler(ctx -> byLink(ctx, (who, id, c) -> recipients.view(who, id), Responses::ok));
    api.getRoute("acceptPushLink").addHandler(ctx -> byLink(ctx, this::accept, this::created));
    api.getRoute("declinePushLink").addHandler(ctx -> byLink(ctx, this::decline, this::noContent));
  }

  private void getSettings(RoutingContext ctx) {
    Responses.reply(ctx, settings.get(Requests.caller(ctx), Requests.pathUuid(ctx, "id")), s -> Responses.ok(ctx, s));
  }

  private void putSettings(RoutingContext ctx) {
    PushBodies.ProSettings body = Requests.body(ctx, PushBodies.ProSettings.class);
    Responses.reply(ctx, settings.put(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), body),
        s -> Responses.ok(ctx, s));
  }

  private void send(RoutingContext ctx) {
    PushBodies.NewPushRequest body = Requests.body(ctx, PushBodies.NewPushRequest.class);
    Responses.reply(ctx, send.send(Requests.caller(ctx), ctx.request().getHeader("Idempotency-Key"), body),
        r -> Responses.created(ctx, "/api/v1/push-requests/" + r.id(), r));
  }

  private void list(RoutingContext ctx) {
    String status = Requests.query(ctx, "status");
    Responses.reply(ctx, senders.list(Requests.caller(ctx), status == null ? null : status(status),
        Requests.queryInt(ctx, "limit", 100)), found -> Responses.ok(ctx, new PushList(found)));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, senders.get(Requests.caller(ctx), Requests.pathUuid(ctx, "id")), r -> Responses.ok(ctx, r));
  }

  private void widen(RoutingContext ctx) {
    Responses.reply(ctx, senders.widen(Requests.caller(ctx), Requests.pathUuid(ctx, "id")), r -> Responses.ok(ctx, r));
  }

  private void withdraw(RoutingContext ctx) {
    PushBodies.ReasonRequest body = Requests.hasBody(ctx) ? Requests.body(ctx, PushBodies.ReasonRequest.class) : null;
    Responses.reply(ctx, senders.withdraw(Requests.caller(ctx), Requests.pathUuid(ctx, "id"),
        body == null ? null : body.reason()), r -> Responses.ok(ctx, r));
  }

  private void mine(RoutingContext ctx) {
    Responses.reply(ctx, recipients.mine(RecipientActions.of(Requests.caller(ctx))),
        found -> Responses.ok(ctx, new ViewList(found)));
  }

  private Future<Object> accept(Recipient who, UUID id, RoutingContext ctx) {
    return accepts.accept(who, id, Requests.body(ctx, PushBodies.AcceptRequest.class)).map(a -> a);
  }

  private Future<Object> decline(Recipient who, UUID id, RoutingContext ctx) {
    PushBodies.ReasonRequest body = Requests.hasBody(ctx) ? Requests.body(ctx, PushBodies.ReasonRequest.class) : null;
    return recipients.decline(who, id, body).map(v -> null);
  }

  private Future<Void> created(RoutingContext ctx, Object body) {
    return Responses.send(ctx, 201, body);
  }

  private Future<Void> noContent(RoutingContext ctx, Object ignored) {
    return Responses.noContent(ctx);
  }

  /** An act of the recipient side through a session: the caller must be a professional's account. */
  private <T> void bySession(RoutingContext ctx, Act<T> act, BiFunction<RoutingContext, T, Future<Void>> writer) {
    Recipient who = RecipientActions.of(Requests.caller(ctx));
    Responses.reply(ctx, act.run(who, Requests.pathUuid(ctx, "id"), ctx), result -> writer.apply(ctx, result));
  }

  /** The same act through a link: the token names the request and the professional. */
  private <T> void byLink(RoutingContext ctx, Act<T> act, BiFunction<RoutingContext, T, Future<Void>> writer) {
    Responses.reply(ctx, recipients.link(ctx.pathParam("token"), Requests.callerIfAny(ctx))
        .compose(link -> act.run(link.recipient(), link.requestId(), ctx)), result -> writer.apply(ctx, result));
  }

  @FunctionalInterface
  private interface Act<T> {
    Future<T> run(Recipient who, UUID id, RoutingContext ctx);
  }

  private static PushStatus status(String raw) {
    try {
      return PushStatus.valueOf(raw);
    } catch (IllegalArgumentException e) {
      throw new Invalid("status", "one of OPEN, ACCEPTED, EXPIRED, WITHDRAWN");
    }
  }
}
