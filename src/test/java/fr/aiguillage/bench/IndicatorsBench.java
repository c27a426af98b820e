package fr.aiguillage.bench;

import fr.aiguillage.AiguillageVerticle;
import fr.aiguillage.Secrets;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.DbSettings;
import fr.aiguillage.db.Migrations;
import fr.aiguillage.db.Pools;
import fr.aiguillage.indicators.model.Granularity;
import fr.aiguillage.indicators.store.IndicatorStore;
import fr.aiguillage.indicators.store.RollupStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench-indicators.sh: one year of one territory (200,000 calls, 150,000 triages, 120,000 appointments,
 * 300,000 SNP slots) in an embedded PostgreSQL; after a restart of PostgreSQL (cold buffers) and of the service in a
 * JVM of its own (fresh classes and JIT, new pool: {@link ServiceJvm}), the year by month, then after another
 * restart by day, over HTTP, from the day and month blocks the service's
 * refresher built after the data was written. Ceilings in the same run: the report's own block statements through
 * JDBC (cold and warm), and the records' statements (what a report ran before the rollups).
 */
public final class IndicatorsBench {

  private static final String DIR = "bench-indicators-pg";
  private static final String YEAR = "territory=bassin-de-thau&from=2025-01-01&to=2025-12-31&granularity=";

  public static void main(String[] args) {
    try {
      run(args);
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1); // Vert.x threads would otherwise keep a failed run alive
    }
  }

  private static void run(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int triages = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
    int appointments = args.length > 2 ? Integer.parseInt(args[2]) : 120_000;
    int slots = args.length > 3 ? Integer.parseInt(args[3]) : 300_000;
    // the data of a previous complete run of the same size is reused (BENCH_FRESH=1 writes it again);
    // BENCH_REBUILD=1 marks every day pending again and times the refresher rebuilding all the rollups
    Path marker = Path.of("target", DIR + ".complete");
    String size = calls + " " + triages + " " + appointments + " " + slots;
    boolean reuse = !"1".equals(System.getenv("BENCH_FRESH")) && java.nio.file.Files.isDirectory(Path.of("target", DIR))
        && java.nio.file.Files.exists(marker) && java.nio.file.Files.readString(marker).trim().equals(size);
    if (reuse) {
      System.out.println("reusing the data of a previous run (" + size + ")");
      rebuildRollups("1".equals(System.getenv("BENCH_REBUILD")));
    } else {
      java.nio.file.Files.deleteIfExists(marker);
      generate(calls, triages, appointments, slots);
      java.nio.file.Files.writeString(marker, size);
    }
    measure();
  }

  private static void generate(int calls, int triages, int appointments, int slots) throws Exception {
    try (DatabaseServer db = BenchDatabase.fresh(DIR)) {
      Service service = Service.start(db.settings());
      UUID coordinator = service.coordinator();
      Pool pool = Pools.create(service.vertx, db.settings(), 2);
      long t0 = System.nanoTime();
      IndicatorsData.generate(pool, coordinator, calls, triages, slots, appointments);
      pool.query("VACUUM ANALYZE").execute().await(30, TimeUnit.MINUTES);
      pool.query("CHECKPOINT").execute().await(30, TimeUnit.MINUTES);
      System.out.printf("generated in %d s: %s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0),
          counts(db.settings()));
      long t1 = System.nanoTime();
      awaitRollups(pool);
      pool.query("VACUUM ANALYZE indicator_count, indicator_member, indicator_measure").execute()
          .await(30, TimeUnit.MINUTES);
      System.out.printf("rollups (day and month blocks) built by the service's refresher in %d s%n",
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t1));
      pool.close().await(1, TimeUnit.MINUTES);
      service.stop();
    }
  }

  /**
   * Reused data: migrated as the application does at start, and the service's refresher builds whatever is pending
   * (a new migration may mark every day); with {@code all}, every day is marked pending again first, as V29_1 does
   * on a live base.
   */
  private static void rebuildRollups(boolean all) throws Exception {
    try (DatabaseServer db = DatabaseServer.startEmbedded(Path.of("target", DIR))) {
      long m0 = System.nanoTime();
      int applied = Migrations.migrate(db.settings());
      // V31 sorts the stored measure blocks' values and adds their bucket counts in place (no rebuild from records)
      System.out.printf("migrations applied to the reused data: %d in %d ms%n", applied,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - m0));
      Service service = Service.start(db.settings());
      Pool pool = Pools.create(service.vertx, db.settings(), 2);
      long t0 = System.nanoTime();
      if (all) {
        pool.query("""
            DELETE FROM indicator_count;
            DELETE FROM indicator_member;
            DELETE FROM indicator_measure;
            INSERT INTO indicator_change (source, territory_id, day)
            SELECT DISTINCT 'calls', territory_id, indicator_paris_day(coalesce(ringing_at, answered_at, created_at))
            FROM call
            UNION
            SELECT s.source, territory_id, indicator_paris_day(created_at)
            FROM triage_assessment CROSS JOIN (VALUES ('triage'), ('snp')) AS s (source)
            UNION
            SELECT 'agenda', cm.territory_id, indicator_paris_day(s.start_at)
            FROM slot s JOIN site si ON si.id = s.site_id JOIN commune cm ON cm.insee = si.commune_insee""")
            .execute().await(30, TimeUnit.MINUTES);
      }
      awaitRollups(pool);
      pool.query("VACUUM ANALYZE indicator_count, indicator_member, indicator_measure").execute()
          .await(30, TimeUnit.MINUTES);
      System.out.printf("rollups (day and month blocks) brought up to date by the service's refresher in %d s%n",
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
      pool.close().await(1, TimeUnit.MINUTES);
      service.stop();
    }
  }

  /**
   * Per granularity: PostgreSQL restarted (its buffers cold) and the service restarted in a JVM of its own
   * ({@link ServiceJvm}: classes, JIT and pool all new), the coordinator signs in, then the first report (cold) and
   * three more (warm) over HTTP; the ceiling, in the same run: the report's own three block statements through JDBC,
   * values written in (warm: median of 3; cold: first after another restart of PostgreSQL); once, the records' SQL
   * a report ran before the rollups. {@code BENCH_VARIANTS}: class directories of the code under test separated by
   * ';' (A/B in the same run, interleaved; by default the benchmark's own classes), {@code BENCH_ROUNDS} (1) times
   * each, {@code BENCH_GRANULARITIES} ("month,day").
   */
  private static void measure() throws Exception {
    String own = Path.of("target", "bench-indicators-classes").toString();
    String variants = System.getenv().getOrDefault("BENCH_VARIANTS", own);
    int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "1"));
    List<String> granularities = List.of(System.getenv().getOrDefault("BENCH_GRANULARITIES", "month,day").split(","));
    String libraries = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().equals(Path.of(own).toAbsolutePath().normalize()))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    Map<String, List<Double>> ratios = new java.util.TreeMap<>();
    boolean recordsDone = false;
    for (int round = 1; round <= rounds; round++) {
      for (String variant : variants.split(";")) {
        for (String granularity : granularities) {
          ratios.computeIfAbsent(granularity + " " + variant, k -> new java.util.ArrayList<>())
              .add(measure(variant + java.io.File.pathSeparator + libraries, variant, granularity, round,
                  !recordsDone));
          recordsDone = true;
        }
      }
    }
    ratios.forEach((what, r) -> System.out.printf("cold HTTP / cold ceiling, year by %s: %s%n", what, r));
  }

  /** One measurement of one granularity with one variant of the service's classes; the cold ratio to the ceiling. */
  private static double measure(String classpath, String variant, String granularity, int round, boolean records)
      throws Exception {
    long cold;
    long[] warm = new long[3];
    long[] ceiling = new long[3];
    long recordsSql = 0;
    try (DatabaseServer db = DatabaseServer.startEmbedded(Path.of("target", DIR))) {
      try (ServiceJvm jvm = ServiceJvm.start(db.settings(), classpath, "bench-admin-password",
          Path.of("target", "bench-indicators.err"))) {
        Service service = Service.client(jvm.port());
        String token = service.login();
        cold = service.get(YEAR + granularity, token);
        for (int i = 0; i < warm.length; i++) {
          warm[i] = service.get(YEAR + granularity, token);
        }
        service.stop();
      }
      for (int i = 0; i < ceiling.length; i++) {
        ceiling[i] = blockSql(db.settings(), granularity);
      }
      if (records) {
        recordsSql = sameSql(db.settings(), granularity);
      }
    }
    long ceilingCold;
    try (DatabaseServer db = DatabaseServer.startEmbedded(Path.of("target", DIR))) {
      ceilingCold = blockSql(db.settings(), granularity);
    }
    System.out.printf("round %d, %s, year by %s over HTTP: cold (first after restart) %.0f ms, warm (median of 3)"
            + " %.0f ms (target %s after a restart)%n"
            + "  ceiling, the same block SQL through JDBC: cold %.0f ms, warm %.0f ms;"
            + " ratios HTTP/ceiling: cold %.2f, warm %.2f%n"
            + (records ? "  the records' SQL (no rollups) through JDBC: %.0f ms (cold HTTP/that %.3f);" : "%s%s")
            + " load %s%n",
        round, variant, granularity, ms(cold), ms(median(warm)),
        granularity.equals("month") ? "≤ 300 ms" : "≤ 1,000 ms",
        ms(ceilingCold), ms(median(ceiling)), (double) cold / ceilingCold, (double) median(warm) / median(ceiling),
        records ? ms(recordsSql) : "", records ? (double) cold / recordsSql : "", load());
    return Math.round(100.0 * cold / ceilingCold) / 100.0;
  }

  private static IndicatorStore.Params year(String granularity) {
    return new IndicatorStore.Params(List.of(IndicatorsData.TERRITORY), Instant.parse("2024-12-31T23:00:00Z"),
        Instant.parse("2025-12-31T23:00:00Z"), Granularity.valueOf(granularity.toUpperCase()), Instant.now());
  }

  /** The three statements a report runs on the blocks, one after the other through JDBC, every row read. */
  private static long blockSql(DbSettings db, String granularity) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var s = c.createStatement()) {
      long start = System.nanoTime();
      c.setAutoCommit(false);
      s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      s.execute("SET LOCAL work_mem = '64MB'");
      for (String sql : RollupStore.blockStatements(year(granularity))) {
        try (var rs = s.executeQuery(sql)) {
          while (rs.next()) {
            rs.getObject(rs.getMetaData().getColumnCount());
          }
        }
      }
      c.commit();
      return System.nanoTime() - start;
    }
  }

  /** The report's statements, in order, with the values the service binds, one after the other through JDBC. */
  private static long sameSql(DbSettings db, String granularity) throws Exception {
    List<Object> values = year(granularity).values();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      long start = System.nanoTime();
      for (IndicatorStore.Bound statement : IndicatorStore.statements()) {
        try (PreparedStatement s = c.prepareStatement(statement.sql().replaceAll("\\$[1-5]", "?"))) {
          bind(c, s, statement, values);
          try (var rs = s.executeQuery()) {
            while (rs.next()) {
              rs.getObject(1);
            }
          }
        }
      }
      return System.nanoTime() - start;
    }
  }

  /** JDBC numbers each "?" where $n may come back several times: each occurrence gets its value again. */
  static void bind(Connection c, PreparedStatement s, IndicatorStore.Bound statement, List<Object> values)
      throws java.sql.SQLException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$([1-5])").matcher(statement.sql());
    for (int position = 1; m.find(); position++) {
      Object value = values.get(statement.params().get(Integer.parseInt(m.group(1)) - 1));
      s.setObject(position, value instanceof String[] array ? c.createArrayOf("text", array) : value);
    }
  }

  /**
   * Waits until the service's refresher has consumed every pending change (the rollups are complete), but the agenda's
   * of days not yet passed, which wait for their day (decision 0037).
   */
  private static void awaitRollups(Pool pool) throws Exception {
    while (pool.query("SELECT count(*) FROM indicator_change WHERE NOT (source = 'agenda'"
            + " AND day >= (now() AT TIME ZONE 'Europe/Paris')::date)").execute().await(1, TimeUnit.MINUTES)
        .iterator().next().getLong(0) > 0) {
      Thread.sleep(500);
    }
  }

  private static String load() throws Exception {
    return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
  }

  private static String counts(DbSettings db) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var s = c.createStatement()) {
      for (String table : List.of("call", "triage_assessment", "appointment", "slot", "waitlist_request")) {
        try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          out.append(table).append(' ').append(rs.getLong(1)).append("  ");
        }
      }
    }
    return out.toString().trim();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** The real service on a random port (in this JVM, or only a client of one in another: verticle null), and a client. */
  private record Service(Vertx vertx, AiguillageVerticle verticle, WebClient client) {

    static Service client(int port) {
      Vertx vertx = Vertx.vertx();
      return new Service(vertx, null, WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
          .setDefaultPort(port)));
    }

    static Service start(DbSettings db) throws Exception {
      Vertx vertx = Vertx.vertx();
      AppConfig config = ConfigLoader.load(Map.of()).withHttpPort(0);
      AiguillageVerticle verticle = new AiguillageVerticle(config, db, new Secrets("bench-admin-password", null),
          Clock.systemUTC());
      vertx.deployVerticle(verticle).await(5, TimeUnit.MINUTES);
      return new Service(vertx, verticle, WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
          .setDefaultPort(verticle.actualPort())));
    }

    UUID coordinator() throws Exception {
      String admin = token("admin", "bench-admin-password");
      JsonObject created = client.post("/api/v1/accounts").bearerTokenAuthentication(admin).sendJsonObject(
          new JsonObject().put("login", "bench-coordinator").put("password", "bench-coordinator-password")
              .put("roles", new JsonArray().add("COORDINATOR")).put("territories", new JsonArray().add("bassin-de-thau")))
          .await(1, TimeUnit.MINUTES).bodyAsJsonObject();
      return UUID.fromString(created.getString("id"));
    }

    String login() throws Exception {
      return token("bench-coordinator", "bench-coordinator-password");
    }

    /** A session; an account created by the admin first changes its password ("renewed-…"), as it must. */
    private String token(String login, String password) throws Exception {
      var response = client.post("/api/v1/auth/login").sendJsonObject(new JsonObject().put("login", login)
          .put("password", password)).await(1, TimeUnit.MINUTES);
      if (response.statusCode() != 200) {
        response = client.post("/api/v1/auth/login").sendJsonObject(new JsonObject().put("login", login)
            .put("password", "renewed-" + password)).await(1, TimeUnit.MINUTES);
      }
      JsonObject body = response.bodyAsJsonObject();
      String token = body.getString("token");
      if (Boolean.TRUE.equals(body.getBoolean("mustChangePassword"))) {
        var changed = client.post("/api/v1/auth/password").bearerTokenAuthentication(token).sendJsonObject(
            new JsonObject().put("currentPassword", password).put("newPassword", "renewed-" + password))
            .await(1, TimeUnit.MINUTES);
        if (changed.statusCode() != 204) {
          throw new IllegalStateException(changed.bodyAsString());
        }
      }
      return token;
    }

    /** One GET of the indicators; its time in nanoseconds (the answer must be 200). */
    long get(String query, String token) throws Exception {
      long start = System.nanoTime();
      var response = client.get("/api/v1/indicators?" + query).bearerTokenAuthentication(token).send()
          .await(5, TimeUnit.MINUTES);
      long took = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.bodyAsString());
      }
      return took;
    }

    void stop() throws Exception {
      vertx.close().await(1, TimeUnit.MINUTES);
    }
  }
}
