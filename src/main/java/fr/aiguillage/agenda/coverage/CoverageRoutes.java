package fr.aiguillage.agenda.coverage;

import fr.aiguillage.failure.Invalid;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** {@code GET /api/v1/agenda/snp-coverage}. */
public final class CoverageRoutes {

  private final SnpCoverage coverage;

  public CoverageRoutes(SnpCoverage coverage) {
    this.coverage = coverage;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("snpCoverage").addHandler(this::read);
  }

  private void read(RoutingContext ctx) {
    Responses.reply(ctx, coverage.of(Requests.caller(ctx), Requests.query(ctx, "territory"), date(ctx),
        Requests.queryInt(ctx, "days", 7)), c -> Responses.ok(ctx, c));
  }

  private static LocalDate date(RoutingContext ctx) {
    String from = Requests.query(ctx, "from");
    try {
      return from == null ? null : LocalDate.parse(from);
    } catch (DateTimeParseException e) {
      throw new Invalid("from", "a date such as 2026-11-23");
    }
  }
}
