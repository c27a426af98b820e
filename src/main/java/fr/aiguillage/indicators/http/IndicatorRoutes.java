package fr.aiguillage.indicators.http;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.indicators.CsvExport;
import fr.aiguillage.indicators.IndicatorService;
import fr.aiguillage.indicators.model.Granularity;
import fr.aiguillage.indicators.model.IndicatorQuery;
import fr.aiguillage.indicators.model.Report;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code GET /api/v1/indicators} (JSON) and {@code GET /api/v1/indicators.csv} (the same figures, exported). */
public final class IndicatorRoutes {

  private final IndicatorService indicators;
  private final CsvExport csv;
  private final Clock clock;

  public IndicatorRoutes(IndicatorService indicators, CsvExport csv, Clock clock) {
    this.indicators = indicators;
    this.csv = csv;
    this.clock = clock;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("indicators").addHandler(this::json);
    api.getRoute("indicatorsCsv").addHandler(this::csv);
  }

  /**
   * The JSON answer's code path over the start-up warm-up's reports (a year with no data, by month and by day: {@link
   * IndicatorService#warmUp}); never fails.
   */
  public Future<Void> warmUp(Future<List<Report>> reports) {
    return reports.<Void>map(all -> {
      all.forEach(report -> ReportJson.of(report).toBuffer());
      return null;
    }).otherwiseEmpty();
  }

  private void json(RoutingContext ctx) {
    Responses.reply(ctx, read(ctx), report -> Responses.ok(ctx, ReportJson.of(report)));
  }

  private void csv(RoutingContext ctx) {
    String sep = Requests.query(ctx, "sep");
    char separator = sep == null || sep.equals(";") ? ';' : ',';
    // a year by day is tens of thousands of lines: written on a worker thread, not on the event loop
    Responses.reply(ctx, read(ctx), report -> ctx.vertx().executeBlocking(() -> csv.render(report, separator), false)
        .compose(text -> ctx.response()
            .putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"" + fileName(report) + "\"")
            .end(text)));
  }

  private Future<Report> read(RoutingContext ctx) {
    String granularity = Requests.query(ctx, "granularity");
    Instant to = end(ctx);
    Instant from = start(ctx, to);
    return indicators.read(Requests.caller(ctx), new IndicatorQuery(Requests.query(ctx, "territory"), from, to,
        granularity == null ? Granularity.MONTH : Granularity.valueOf(granularity.toUpperCase())));
  }

  /** {@code to}: a date is included whole (the range ends the next midnight, Paris); a date-time is excluded. */
  private Instant end(RoutingContext ctx) {
    String raw = ctx.request().getParam("to");
    if (raw == null || raw.isBlank()) {
      return midnight(LocalDate.now(clock.withZone(SqlTime.PARIS)).plusDays(1));
    }
    return raw.length() == 10 ? midnight(date("to", raw).plusDays(1)) : Requests.queryTime(ctx, "to").toInstant();
  }

  /** {@code from}: a date starts at its midnight (Paris); by default the first day of {@code to}'s month. */
  private Instant start(RoutingContext ctx, Instant to) {
    String raw = ctx.request().getParam("from");
    if (raw == null || raw.isBlank()) {
      return midnight(to.minusNanos(1).atZone(SqlTime.PARIS).toLocalDate().withDayOfMonth(1));
    }
    return raw.length() == 10 ? midnight(date("from", raw)) : Requests.queryTime(ctx, "from").toInstant();
  }

  private static LocalDate date(String field, String raw) {
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw new Invalid(field, "a date (2026-11-23) or a date-time with offset (2026-11-23T09:00:00+01:00)");
    }
  }

  private static Instant midnight(LocalDate day) {
    return day.atStartOfDay(SqlTime.PARIS).toInstant();
  }

  private static String fileName(Report report) {
    String who = report.territories().size() == 1 ? report.territories().get(0) : "territoires";
    return "indicateurs-" + who + "-" + OffsetDateTime.ofInstant(report.from(), SqlTime.PARIS).toLocalDate() + "-"
        + report.granularity().sqlUnit() + ".csv";
  }
}
