package fr.aiguillage.agenda.http;

import fr.aiguillage.agenda.HorizonJob;
import fr.aiguillage.agenda.RuleService;
import fr.aiguillage.agenda.model.RuleRequest;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code /api/v1/professionals/{id}/availability-rules}, {@code /api/v1/availability-rules/{id}}, the horizon job. */
public final class RuleRoutes {

  private final RuleService rules;
  private final HorizonJob horizon;

  public RuleRoutes(RuleService rules, HorizonJob horizon) {
    this.rules = rules;
    this.horizon = horizon;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("createRule").addHandler(this::create);
    api.getRoute("getRule").addHandler(this::get);
    api.getRoute("updateRule").addHandler(this::update);
    api.getRoute("deleteRule").addHandler(this::delete);
    api.getRoute("extendHorizon").addHandler(this::extend);
  }

  private void create(RoutingContext ctx) {
    RuleRequest request = Requests.body(ctx, RuleRequest.class);
    Responses.reply(ctx, rules.create(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), request),
        change -> Responses.created(ctx, "/api/v1/availability-rules/" + change.rule().id(),
            RuleView.of(change, true)));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, rules.get(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        rule -> Responses.ok(ctx, RuleView.of(rule)));
  }

  private void update(RoutingContext ctx) {
    RuleRequest request = Requests.body(ctx, RuleRequest.class);
    Responses.reply(ctx, rules.update(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), request),
        change -> Responses.ok(ctx, RuleView.of(change, true)));
  }

  private void delete(RoutingContext ctx) {
    Responses.reply(ctx, rules.delete(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        change -> Responses.ok(ctx, RuleView.of(change, false)));
  }

  private void extend(RoutingContext ctx) {
    if (!Requests.caller(ctx).has(Role.ADMIN)) {
      throw new Forbidden("only administrators run the horizon job by hand");
    }
    Responses.reply(ctx, horizon.run(), result -> Responses.ok(ctx, result));
  }
}
