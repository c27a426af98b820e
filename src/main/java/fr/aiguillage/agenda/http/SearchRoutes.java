package fr.aiguillage.agenda.http;

import fr.aiguillage.agenda.SlotSearch;
import fr.aiguillage.agenda.model.SearchRequest;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** {@code GET /api/v1/slots/search}. */
public final class SearchRoutes {

  private final SlotSearch search;

  public SearchRoutes(SlotSearch search) {
    this.search = search;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("searchSlots").addHandler(this::search);
  }

  private void search(RoutingContext ctx) {
    OffsetDateTime from = Requests.queryTime(ctx, "from");
    SearchRequest request = new SearchRequest(Requests.query(ctx, "communeInsee"), number(ctx, "lat"),
        number(ctx, "lon"), orDefault(Requests.query(ctx, "profession"), "GENERAL_PRACTITIONER"),
        Requests.query(ctx, "skill"), kinds(Requests.query(ctx, "kinds")),
        within(orDefault(Requests.query(ctx, "within"), "PT24H")),
        number(ctx, "radiusKm") == null ? 30 : number(ctx, "radiusKm"), Requests.queryInt(ctx, "limit", 10),
        from == null ? null : from.toInstant(), Boolean.TRUE.equals(Requests.queryBool(ctx, "acrossTerritories")));
    Responses.reply(ctx, search.search(Requests.caller(ctx), request), result -> Responses.ok(ctx, result));
  }

  private static Double number(RoutingContext ctx, String name) {
    String raw = Requests.query(ctx, name);
    try {
      return raw == null ? null : Double.valueOf(raw);
    } catch (NumberFormatException e) {
      throw new Invalid(name, "must be a number");
    }
  }

  private static List<SlotKind> kinds(String raw) {
    if (raw == null) {
      return List.of(SlotKind.SNP);
    }
    try {
      return Arrays.stream(raw.split(",")).map(String::trim).map(SlotKind::valueOf).distinct().toList();
    } catch (IllegalArgumentException e) {
      throw new Invalid("kinds", "comma-separated among SNP, MT_FIRST_VISIT, PUBLIC, PRO");
    }
  }

  private static Duration within(String raw) {
    try {
      return Duration.parse(raw);
    } catch (DateTimeParseException e) {
      throw new Invalid("within", "an ISO-8601 duration such as PT24H or P2D");
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
