package fr.aiguillage.rota.http;

import fr.aiguillage.failure.Invalid;
import fr.aiguillage.rota.RotaCsv;
import fr.aiguillage.rota.RotaDuties;
import fr.aiguillage.rota.RotaMonths;
import fr.aiguillage.rota.RotaPrint;
import fr.aiguillage.rota.RotaProposals;
import fr.aiguillage.rota.RotaSetup;
import fr.aiguillage.rota.model.Availability;
import fr.aiguillage.rota.model.Band;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The rota's operations under {@code /api/v1/rota/{territoryId}}, one line each. */
public final class RotaRoutes {

  private final RotaSetup setup;
  private final RotaMonths months;
  private final RotaProposals proposals;
  private final RotaDuties duties;
  private final RotaCsv csv = new RotaCsv();
  private final Duration gapsAhead;
  private final RotaPrint print;

  public RotaRoutes(RotaSetup setup, RotaMonths months, RotaProposals proposals, RotaDuties duties,
                    Duration gapsAhead, RotaPrint print) {
    this.print = print;
    this.setup = setup;
    this.months = months;
    this.proposals = proposals;
    this.duties = duties;
    this.gapsAhead = gapsAhead;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listRotaSectors").addHandler(ctx -> Responses.reply(ctx, setup.sectors(Requests.caller(ctx),
        territory(ctx)), list -> Responses.ok(ctx, list)));
    api.getRoute("createRotaSector").addHandler(this::createSector);
    api.getRoute("listRotaBands").addHandler(ctx -> Responses.reply(ctx, setup.bands(Requests.caller(ctx),
        territory(ctx)), list -> Responses.ok(ctx, list)));
    api.getRoute("createRotaBand").addHandler(this::createBand);
    api.getRoute("openRotaMonth").addHandler(this::openMonth);
    api.getRoute("getRotaMonth").addHandler(ctx -> Responses.reply(ctx, months.view(Requests.caller(ctx),
        territory(ctx), month(ctx)), view -> Responses.ok(ctx, view)));
    api.getRoute("putRotaAvailability").addHandler(this::putAvailability);
    api.getRoute("getRotaAvailability").addHandler(ctx -> Responses.reply(ctx, months.availability(Requests.caller(ctx),
        territory(ctx), month(ctx), Requests.pathUuid(ctx, "professionalId")), answer -> Responses.ok(ctx, answer)));
    api.getRoute("proposeRotaMonth").addHandler(ctx -> Responses.reply(ctx, proposals.propose(Requests.caller(ctx),
        territory(ctx), month(ctx)), summary -> Responses.ok(ctx, summary)));
    api.getRoute("publishRotaMonth").addHandler(ctx -> Responses.reply(ctx, proposals.publish(Requests.caller(ctx),
        territory(ctx), month(ctx)), v -> Responses.noContent(ctx)));
    api.getRoute("rotaHistory").addHandler(ctx -> Responses.reply(ctx, months.history(Requests.caller(ctx),
        territory(ctx), month(ctx)), list -> Responses.ok(ctx, list)));
    api.getRoute("exportRotaMonth").addHandler(this::export);
    api.getRoute("printRotaMonth").addHandler(ctx -> Responses.reply(ctx, print.render(Requests.caller(ctx),
        territory(ctx), month(ctx)), html -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", RotaPrint.CSP).putHeader("Cache-Control", "no-store").end(html)));
    api.getRoute("rotaGaps").addHandler(ctx -> Responses.reply(ctx, months.upcomingGaps(Requests.caller(ctx),
        territory(ctx), gapsAhead), list -> Responses.ok(ctx, list)));
    api.getRoute("assignRotaPlace").addHandler(this::assign);
    api.getRoute("giveAwayDuty").addHandler(this::giveAway);
    api.getRoute("takeDuty").addHandler(ctx -> Responses.reply(ctx, duties.take(Requests.caller(ctx),
        territory(ctx), Requests.pathUuid(ctx, "placeId")), place -> Responses.ok(ctx, place)));
    api.getRoute("myDuties").addHandler(ctx -> Responses.reply(ctx, duties.mine(Requests.caller(ctx)),
        list -> Responses.ok(ctx, list)));
  }

  private void createSector(RoutingContext ctx) {
    RotaRequests.NewSector body = Requests.body(ctx, RotaRequests.NewSector.class);
    Responses.reply(ctx, setup.createSector(Requests.caller(ctx), territory(ctx), body.name(), body.communes()),
        sector -> Responses.created(ctx, "/api/v1/rota/" + territory(ctx) + "/sectors", sector));
  }

  private void createBand(RoutingContext ctx) {
    RotaRequests.NewBand b = Requests.body(ctx, RotaRequests.NewBand.class);
    Band band = new Band(null, b.sectorId(), b.label(), days(b.days()), Boolean.TRUE.equals(b.holidays()), b.start(),
        b.end(), Objects.requireNonNullElse(b.profession(), "GENERAL_PRACTITIONER"),
        Objects.requireNonNullElse(b.needed(), 1), Objects.requireNonNullElse(b.capacity(), 4),
        Objects.requireNonNullElse(b.stepMinutes(), 15));
    Responses.reply(ctx, setup.createBand(Requests.caller(ctx), territory(ctx), band),
        created -> Responses.created(ctx, "/api/v1/rota/" + territory(ctx) + "/bands", created));
  }

  private void openMonth(RoutingContext ctx) {
    RotaRequests.OpenMonth body = Requests.body(ctx, RotaRequests.OpenMonth.class);
    YearMonth month = parseMonth("month", body.month());
    Responses.reply(ctx, months.open(Requests.caller(ctx), territory(ctx), month, body.deadline().toInstant()),
        view -> Responses.created(ctx, "/api/v1/rota/" + territory(ctx) + "/months/" + month, view));
  }

  private void putAvailability(RoutingContext ctx) {
    RotaRequests.AvailabilityAnswer a = Requests.body(ctx, RotaRequests.AvailabilityAnswer.class);
    Availability answer = new Availability(a.sectorId(), a.offered(), a.impossible() == null ? List.of()
        : a.impossible(), a.preferred() == null ? List.of() : a.preferred());
    Responses.reply(ctx, months.putAvailability(Requests.caller(ctx), territory(ctx), month(ctx),
        Requests.pathUuid(ctx, "professionalId"), answer), v -> Responses.noContent(ctx));
  }

  private void export(RoutingContext ctx) {
    char separator = ",".equals(Requests.query(ctx, "sep")) ? ',' : ';';
    YearMonth month = month(ctx);
    Responses.reply(ctx, months.view(Requests.caller(ctx), territory(ctx), month),
        view -> ctx.vertx().executeBlocking(() -> csv.render(view, separator), false)
            .compose(text -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"astreintes-" + territory(ctx) + "-"
                    + month + ".csv\"").end(text)));
  }

  private void assign(RoutingContext ctx) {
    RotaRequests.HandEdit body = Requests.body(ctx, RotaRequests.HandEdit.class);
    Responses.reply(ctx, duties.assign(Requests.caller(ctx), territory(ctx), Requests.pathUuid(ctx, "placeId"),
        body.professionalId(), body.why()), place -> Responses.ok(ctx, place));
  }

  private void giveAway(RoutingContext ctx) {
    RotaRequests.GiveAway body = Requests.body(ctx, RotaRequests.GiveAway.class);
    Responses.reply(ctx, duties.giveAway(Requests.caller(ctx), territory(ctx), Requests.pathUuid(ctx, "placeId"),
        body.why()), place -> Responses.ok(ctx, place));
  }

  private static String territory(RoutingContext ctx) {
    return ctx.pathParam("territoryId");
  }

  private static YearMonth month(RoutingContext ctx) {
    return parseMonth("month", ctx.pathParam("month"));
  }

  private static YearMonth parseMonth(String field, String raw) {
    try {
      return YearMonth.parse(raw);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new Invalid(field, "a month, like 2027-05");
    }
  }

  private static Set<DayOfWeek> days(List<Integer> days) {
    Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    if (days != null) {
      days.forEach(d -> set.add(DayOfWeek.of(d)));
    }
    return set;
  }
}
