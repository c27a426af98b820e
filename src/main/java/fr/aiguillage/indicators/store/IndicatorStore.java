package fr.aiguillage.indicators.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.indicators.model.Figure;
import fr.aiguillage.indicators.model.FigureValue;
import fr.aiguillage.indicators.model.Granularity;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reporting queries over the other modules' tables (read-only; docs/decisions/0009): one statement per
 * source for its plain figures (per period and for the whole range, in one pass through GROUPING SETS) and one
 * for its breakdowns. Statements are built once from {@link FigureCatalog}.
 */
public final class IndicatorStore {

  /** The named parameters a source's SQL may use, in the order {@link Params#values()} gives them, and their types. */
  private static final List<String> NAMES = List.of(":territories", ":from_at", ":to_at", ":unit", ":now_at", ":days");
  private static final List<String> TYPES = List.of("text[]", "timestamptz", "timestamptz", "text", "timestamptz",
      "date[]");
  private static final String BUCKETED = "(SELECT date_trunc(:unit, r.t AT TIME ZONE 'Europe/Paris')::date AS bucket%s,"
      + " r.* FROM (%s) r) s";

  /** What the queries need: whose records, which range, how it is cut, and "now" (for slots already started). */
  public record Params(List<String> territories, Instant from, Instant to, Granularity granularity, Instant now) {
    public List<Object> values() {
      return List.of(territories.toArray(String[]::new), SqlTime.utc(from), SqlTime.utc(to), granularity.sqlUnit(),
          SqlTime.utc(now));
    }
  }

  /** One source's figures: per period (keyed by the period's first day) and, where it has one, for the whole range. */
  public record SourceFigures(Kind kind, Map<LocalDate, Map<String, FigureValue>> byPeriod,
                              Map<String, FigureValue> total) {
  }

  /** How a source's figures add up over the range (see {@link Source.Kind}). */
  public enum Kind { FLOW, STOCK, CURRENT }

  /** SQL with positional parameters, and which value of {@link Params#values()} each position takes. */
  public record Bound(String sql, List<Integer> params) {
    Tuple tuple(List<Object> values) {
      return Tuple.from(params.stream().map(values::get).toList());
    }
  }

  private record Statements(Source source, Bound plain, Bound breakdowns) {
  }

  private final RollupStore rollups = new RollupStore();

  private static final List<Statements> STATEMENTS = FigureCatalog.SOURCES.stream()
      .map(s -> new Statements(s, bind(plainSql(s)), s.breakdowns().isEmpty() ? null : bind(breakdownSql(s))))
      .toList();

  /**
   * Named parameters become $1, $2… in order of first use, each cast to its type once, so every statement sends
   * only what it reads and PostgreSQL plans it with the actual values (no parameter hidden behind a CTE).
   */
  static Bound bind(String sql) {
    List<Integer> used = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(territories|from_at|to_at|unit|now_at|days)\\b")
        .matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int name = NAMES.indexOf(m.group());
      if (!used.contains(name)) {
        used.add(name);
      }
      m.appendReplacement(out, "\\$" + (used.indexOf(name) + 1) + "::" + TYPES.get(name));
    }
    m.appendTail(out);
    return new Bound(out.toString(), List.copyOf(used));
  }

  /** Every statement a report runs, as the store sends them (the benchmark's ceiling runs them through JDBC). */
  public static List<Bound> statements() {
    return STATEMENTS.stream().flatMap(s -> java.util.stream.Stream.of(s.plain(), s.breakdowns()))
        .filter(java.util.Objects::nonNull).toList();
  }

  /** The report's figures: the rolled-up sources through their daily rollups, the others from the records. */
  public Future<List<SourceFigures>> read(Pool db, Params params) {
    List<Object> values = params.values();
    List<Future<List<SourceFigures>>> reads = new ArrayList<>();
    reads.add(rollups.read(db, params));
    STATEMENTS.stream().filter(s -> !RollupCatalog.SOURCES.contains(s.source()))
        .forEach(s -> reads.add(read(db, s, values).map(List::of)));
    return Future.all(reads).map(all -> reads.stream().flatMap(f -> f.result().stream()).toList());
  }

  /**
   * A report's statements on one connection at start-up, over a range with no block and no record (decisions 0030,
   * 0036): the other sources' statements are only prepared (parsed, never run: no page of their records), then the
   * rollups' statements run in a transaction rolled back (they read the pending list and look blocks up by key: index
   * pages, no block), so each is prepared and planned on this connection's backend.
   */
  public Future<Void> warmUp(SqlConnection connection, Params params) {
    List<Future<Void>> prepared = STATEMENTS.stream().filter(s -> !RollupCatalog.SOURCES.contains(s.source()))
        .flatMap(s -> Stream.of(s.plain(), s.breakdowns())).filter(Objects::nonNull)
        .map(b -> connection.prepare(b.sql()).<Void>mapEmpty()).toList();
    return Future.all(prepared).compose(v -> rollups.readRolledBack(connection, params)).mapEmpty();
  }

  /** The rolled-up sources' figures alone (start-up warm-up over a range with no data: no record read). */
  public Future<List<SourceFigures>> readRollups(Pool db, Params params) {
    return rollups.read(db, params);
  }

  /** Every figure from the records, as the catalogue defines it: the reference the rollups must give again. */
  public Future<List<SourceFigures>> readRecords(SqlClient db, Params params) {
    List<Object> values = params.values();
    List<Future<SourceFigures>> reads = STATEMENTS.stream().map(s -> read(db, s, values)).toList();
    return Future.all(reads).map(all -> reads.stream().map(Future::result).toList());
  }

  private Future<SourceFigures> read(SqlClient db, Statements s, List<Object> values) {
    Future<RowSet<Row>> plain = db.preparedQuery(s.plain().sql()).execute(s.plain().tuple(values));
    Future<RowSet<Row>> split = s.breakdowns() == null ? Future.succeededFuture()
        : db.preparedQuery(s.breakdowns().sql()).execute(s.breakdowns().tuple(values));
    return Future.all(plain, split).map(v -> {
      Map<LocalDate, Map<String, FigureValue>> byPeriod = new HashMap<>();
      Map<String, FigureValue> total = new HashMap<>();
      readPlain(s.source(), plain.result(), byPeriod, total);
      if (split.result() != null) {
        readBreakdowns(s.source(), split.result(), byPeriod, total);
      }
      return new SourceFigures(Kind.valueOf(s.source().kind().name()), byPeriod, total);
    });
  }

  private static void readPlain(Source source, RowSet<Row> rows, Map<LocalDate, Map<String, FigureValue>> byPeriod,
                                Map<String, FigureValue> total) {
    List<Source.Definition> defs = source.plain();
    for (Row row : rows) {
      LocalDate bucket = row.getLocalDate("bucket");
      Map<String, FigureValue> into = bucket == null ? total : byPeriod.computeIfAbsent(bucket, b -> new HashMap<>());
      for (int i = 0; i < defs.size(); i++) {
        into.put(defs.get(i).figure().code(), value(defs.get(i).figure(), row, i));
      }
    }
  }

  private static FigureValue value(Figure figure, Row row, int i) {
    return switch (figure.kind()) {
      case COUNT -> new FigureValue.Count(row.getLong("v" + i));
      case SHARE -> new FigureValue.Share(row.getLong("v" + i), row.getLong("b" + i));
      case MEASURE -> new FigureValue.Measure(row.getDouble("v" + i), row.getLong("b" + i));
      case BREAKDOWN -> throw new IllegalStateException("breakdowns are read apart");
    };
  }

  private static void readBreakdowns(Source source, RowSet<Row> rows,
                                     Map<LocalDate, Map<String, FigureValue>> byPeriod, Map<String, FigureValue> total) {
    List<Source.Definition> defs = source.breakdowns();
    Map<LocalDate, Map<String, Map<String, Long>>> counts = new HashMap<>();
    for (Row row : rows) {
      LocalDate bucket = row.getLocalDate("bucket");
      for (int i = 0; i < defs.size(); i++) {
        String key = row.getString("k" + i);
        if (row.getInteger("g" + i) == 0 && key != null && row.getLong("c" + i) > 0) {
          counts.computeIfAbsent(bucket, b -> new HashMap<>())
              .computeIfAbsent(defs.get(i).figure().code(), c -> new TreeMap<>()).put(key, row.getLong("c" + i));
        }
      }
    }
    for (LocalDate bucket : new ArrayList<>(byPeriod.keySet())) {
      counts.putIfAbsent(bucket, Map.of());
    }
    counts.putIfAbsent(null, Map.of());
    counts.forEach((bucket, figures) -> {
      Map<String, FigureValue> into = bucket == null ? total : byPeriod.computeIfAbsent(bucket, b -> new HashMap<>());
      defs.forEach(d -> into.put(d.figure().code(),
          new FigureValue.Breakdown(figures.getOrDefault(d.figure().code(), Map.of()))));
    });
  }

  private static String plainSql(Source source) {
    StringBuilder columns = new StringBuilder();
    List<Source.Definition> defs = source.plain();
    for (int i = 0; i < defs.size(); i++) {
      columns.append(", ").append(defs.get(i).value()).append(" AS v").append(i);
      if (defs.get(i).base() != null) {
        columns.append(", ").append(defs.get(i).base()).append(" AS b").append(i);
      }
    }
    return switch (source.kind()) {
      case FLOW -> "SELECT s.bucket" + columns + " FROM " + BUCKETED.formatted("", source.rows())
          + " GROUP BY GROUPING SETS ((s.bucket), ())";
      case STOCK -> "SELECT x.bucket" + running(defs) + " FROM (SELECT s.bucket" + columns + " FROM ("
          + source.rows() + ") s GROUP BY s.bucket) x";
      case CURRENT -> "SELECT NULL::date AS bucket" + columns + " FROM (" + source.rows() + ") s";
    };
  }

  /** A stock's figures at the end of each period: the running sums of its changes, period after period. */
  private static String running(List<Source.Definition> defs) {
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < defs.size(); i++) {
      columns.append(", (sum(x.v").append(i).append(") OVER (ORDER BY x.bucket))::bigint AS v").append(i);
    }
    return columns.toString();
  }

  /** All breakdowns of a source in one pass: per period and key, and per key over the range. */
  private static String breakdownSql(Source source) {
    List<Source.Definition> defs = source.breakdowns();
    StringBuilder keys = new StringBuilder();
    StringBuilder columns = new StringBuilder();
    List<String> sets = new ArrayList<>();
    for (int i = 0; i < defs.size(); i++) {
      keys.append(", ").append(defs.get(i).key()).append("::text AS k").append(i);
      columns.append(", s.k").append(i).append(", GROUPING(s.k").append(i).append(") AS g").append(i)
          .append(", ").append(defs.get(i).value()).append(" AS c").append(i);
      sets.add("(s.bucket, s.k" + i + ")");
      sets.add("(s.k" + i + ")");
    }
    if (source.kind() != Source.Kind.FLOW) {
      throw new IllegalStateException("breakdowns are counted over events (FLOW sources) only");
    }
    return "SELECT s.bucket" + columns + " FROM " + BUCKETED.formatted(keys, source.rows())
        + " GROUP BY GROUPING SETS (" + String.join(", ", sets) + ")";
  }
}
