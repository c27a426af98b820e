package fr.aiguillage.indicators;

import fr.aiguillage.db.Pools;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.indicators.model.Figure;
import fr.aiguillage.indicators.model.FigureValue;
import fr.aiguillage.indicators.model.Granularity;
import fr.aiguillage.indicators.model.IndicatorQuery;
import fr.aiguillage.indicators.model.PeriodFigures;
import fr.aiguillage.indicators.model.Report;
import fr.aiguillage.indicators.store.FigureCatalog;
import fr.aiguillage.indicators.store.IndicatorStore;
import fr.aiguillage.indicators.store.IndicatorStore.SourceFigures;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a territory's activity figures for a coordinator of that territory (an ADMIN for any). Figures are counts
 * over records, never records: nothing personal leaves. Each read is in the audit trail.
 */
public final class IndicatorService {

  /** The end of the start-up warm-up's year (2000: no record, no block). */
  private static final LocalDate YEAR_2001 = LocalDate.of(2001, 1, 1);

  /** A day-by-day answer over about three years is the most one request may ask for. */
  static final int MAX_PERIODS = 1200;

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final Supplier<Set<String>> territoryIds;
  private final IndicatorStore store = new IndicatorStore();

  public IndicatorService(Pool pool, Clock clock, AuditTrail audit, Supplier<Set<String>> territoryIds) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.territoryIds = territoryIds;
  }

  public Future<Report> read(Caller caller, IndicatorQuery q) {
    List<String> territories = territories(caller, q.territory());
    List<LocalDate> starts = periodStarts(q);
    Instant now = clock.instant();
    IndicatorStore.Params params = new IndicatorStore.Params(territories, q.from(), q.to(), q.granularity(), now);
    // the audit row is written while the figures are read (its commit no longer follows theirs); the answer still
    // waits for both: nothing is answered before it is recorded
    Future<Void> audited = audit.record(AuditEvent.of(caller, "indicators.read", "indicators", null,
        territories.size() == 1 ? territories.get(0) : null).withDetail(String.join(",", territories) + " "
        + q.from() + "/" + q.to() + " " + q.granularity().sqlUnit()));
    Future<Report> report = store.read(pool, params)
        .map(sources -> report(territories, q, starts, sources, now));
    return Future.all(report, audited).map(both -> report.result());
  }

  /**
   * Start-up warm-up (decisions 0030, 0036), over the year 2000 of one territory, a range with no block and no record.
   * First on each of the pool's {@code connections}, {@code alsoOnEach} (the session lookup every request makes), then
   * the report's statements ({@link IndicatorStore#warmUp}); then the year by month and by day through the same code
   * (plan, the rollups' statements, merge, report) without the audit trail (nobody reads) and without the other
   * sources' records: the reports, of a year's shape, to be written as JSON. None when no territory is known.
   */
  public Future<List<Report>> warmUp(int connections, Function<SqlClient, Future<?>> alsoOnEach) {
    List<String> territories = territoryIds.get().stream().sorted().limit(1).toList();
    if (territories.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Instant now = clock.instant();
    IndicatorQuery january = from2000(territories.get(0), LocalDate.of(2000, 2, 1), Granularity.MONTH);
    IndicatorStore.Params params = new IndicatorStore.Params(territories, january.from(), january.to(),
        january.granularity(), now);
    return Pools.onEachConnection(pool, connections, c -> alsoOnEach.apply(c).transform(v -> store.warmUp(c, params)))
        .compose(v -> warmReport(territories, from2000(territories.get(0), YEAR_2001, Granularity.MONTH), now))
        .compose(month -> warmReport(territories, from2000(territories.get(0), YEAR_2001, Granularity.DAY), now)
            .map(day -> List.of(month, day)));
  }

  /** From the first day of 2000 to {@code end}, excluded. */
  private static IndicatorQuery from2000(String territory, LocalDate end, Granularity granularity) {
    return new IndicatorQuery(territory, instant(LocalDate.of(2000, 1, 1)), instant(end), granularity);
  }

  private Future<Report> warmReport(List<String> territories, IndicatorQuery q, Instant now) {
    return store.readRollups(pool, new IndicatorStore.Params(territories, q.from(), q.to(), q.granularity(), now))
        .map(sources -> report(territories, q, periodStarts(q), sources, now));
  }

  private List<String> territories(Caller caller, String territory) {
    if (!caller.hasAny(Role.COORDINATOR, Role.ADMIN)) {
      throw new Forbidden("indicators are for the coordinators of the territory");
    }
    if (territory == null) {
      List<String> all = caller.has(Role.ADMIN) ? territoryIds.get().stream().sorted().toList()
          : caller.account().territories();
      if (all.isEmpty()) {
        throw new Invalid("territory", "name the territory");
      }
      return all;
    }
    if (!caller.covers(territory)) {
      throw new Forbidden("figures of your territories only");
    }
    if (!territoryIds.get().contains(territory)) {
      throw new NotFound("territory " + territory);
    }
    return List.of(territory);
  }

  private static List<LocalDate> periodStarts(IndicatorQuery q) {
    if (!q.to().isAfter(q.from())) {
      throw new Invalid("to", "must come after from");
    }
    LocalDate last = q.to().minusNanos(1).atZone(SqlTime.PARIS).toLocalDate();
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate d = q.granularity().periodStart(q.from().atZone(SqlTime.PARIS).toLocalDate());
         !d.isAfter(last); d = q.granularity().next(d)) {
      if (starts.size() == MAX_PERIODS) {
        throw new Invalid("granularity", "too many periods (at most " + MAX_PERIODS + "): choose a coarser one");
      }
      starts.add(d);
    }
    return starts;
  }

  private static Report report(List<String> territories, IndicatorQuery q, List<LocalDate> starts,
                               List<SourceFigures> sources, Instant now) {
    Granularity g = q.granularity();
    List<PeriodFigures> periods = new ArrayList<>();
    Map<SourceFigures, Map<String, FigureValue>> stock = new HashMap<>();
    for (LocalDate start : starts) {
      Map<String, FigureValue> values = new HashMap<>();
      for (SourceFigures s : sources) {
        Map<String, FigureValue> own = s.byPeriod().get(start);
        if (s.kind() == IndicatorStore.Kind.STOCK) {
          // a period without change keeps the state the previous one ended with
          own = own == null ? stock.getOrDefault(s, Map.of()) : own;
          stock.put(s, own);
        }
        if (own != null && s.kind() != IndicatorStore.Kind.CURRENT) {
          values.putAll(own);
        }
      }
      periods.add(new PeriodFigures(g.label(start), max(q.from(), instant(start)), min(q.to(), instant(g.next(start))),
          complete(values, false)));
    }
    Map<String, FigureValue> total = new HashMap<>();
    for (SourceFigures s : sources) {
      // a state (open requests) over the range is the state at its end; events add up (GROUPING SETS total)
      total.putAll(s.kind() == IndicatorStore.Kind.STOCK ? stock.getOrDefault(s, Map.of()) : s.total());
    }
    return new Report(territories, q.from(), q.to(), g, now, FigureCatalog.figures(),
        new PeriodFigures("total", q.from(), q.to(), complete(total, true)), periods);
  }

  /** Figures with no record in the period are zero (or without value); current-only figures stay out of periods. */
  private static Map<String, FigureValue> complete(Map<String, FigureValue> values, boolean total) {
    Map<String, FigureValue> result = new HashMap<>(values);
    for (Figure f : FigureCatalog.figures()) {
      if (!result.containsKey(f.code()) && (total || !FigureCatalog.isCurrent(f))) {
        result.put(f.code(), empty(f));
      }
    }
    return result;
  }

  private static FigureValue empty(Figure f) {
    return switch (f.kind()) {
      case COUNT -> new FigureValue.Count(0);
      case SHARE -> new FigureValue.Share(0, 0);
      case MEASURE -> new FigureValue.Measure(null, 0);
      case BREAKDOWN -> new FigureValue.Breakdown(Map.of());
    };
  }

  private static Instant instant(LocalDate day) {
    return day.atStartOfDay(SqlTime.PARIS).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
