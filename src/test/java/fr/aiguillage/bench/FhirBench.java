package fr.aiguillage.bench;

import fr.aiguillage.AiguillageVerticle;
import fr.aiguillage.Secrets;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Pools;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.fhir.TestPki;
import io.vertx.core.Vertx;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench-fhir.sh: the SAS slot search (25 RPPS, 48 hours, the guide's four includes) at 16 clients over
 * mutual TLS, on the booking benchmark's data set (100,000 professionals, 2,000,000 SNP slots over 7 days,
 * generated once under target/bench-data and reused, on a copy), the load from a JVM of its own ({@link FhirLoad}),
 * with the CPU per search of the service, the load client and PostgreSQL. The measured searches' parameters go to
 * {@code bench_fhir_search}, then the database stays up ({@code PGPORT=...} on stdout) until standard input closes,
 * for pgbench to replay the service's own SQL (target/bench-fhir.sql, written from SasSlotStore) as the ceiling.
 */
public final class FhirBench {

  private static final int CLIENTS = 16;
  private static final int IDENTIFIERS = 25;
  private static final int WINDOW_HOURS = 48;

  /** One search: its identifiers and window. */
  private record Search(String[] rpps, OffsetDateTime from) {
  }

  public static void main(String[] args) throws Exception {
    int professionals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int searches = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : searches / 2;
    DatabaseServer db = BenchDatabase.reusedCopy("fhir-" + professionals, "booking data set, professionals="
        + professionals, Duration.ofHours(24), "bench-fhir-db", server -> generate(server, professionals));
    Vertx vertx = Vertx.vertx();
    Pool pool = patientPool(vertx, db);
    // The window starts are drawn within the generated slots (they were generated relative to their own time).
    OffsetDateTime lastSlot = pool.query("SELECT max(start_at) FROM slot").execute().await(5, TimeUnit.MINUTES)
        .iterator().next().getOffsetDateTime(0);
    int startHours = (int) Math.min(24 * 5, Duration.between(OffsetDateTime.now(), lastSlot).toHours() - WINDOW_HOURS);
    String[] rpps = BenchData.rppsNumbers("16", professionals);

    Path certs = Path.of("target", "bench-fhir-certs");
    Files.createDirectories(certs);
    TestPki pki = new TestPki("CN=CA du banc,O=Aiguillage,C=FR");
    TestPki.Issued server = pki.server("CN=localhost,O=Aiguillage,C=FR");
    TestPki.Issued client = pki.client("CN=sas-banc,OU=SAS,C=FR");
    Files.writeString(certs.resolve("ca.pem"), pki.caPem());
    Files.writeString(certs.resolve("server.pem"), server.certificatePem());
    Files.writeString(certs.resolve("server.key"), server.keyPem());
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // The listener's engine and event loops as the environment says (AIGUILLAGE_FHIR_SSL_ENGINE, _EVENT_LOOPS), for A/B runs.
    Map<String, String> listener = new java.util.TreeMap<>(System.getenv());
    listener.keySet().removeIf(k -> !k.equals("AIGUILLAGE_FHIR_SSL_ENGINE") && !k.equals("AIGUILLAGE_FHIR_EVENT_LOOPS"));
    System.out.println("FHIR listener settings: " + (listener.isEmpty() ? "defaults (config/application.json)" : listener)
        + "; load client TLS engine: " + (clientOpenSsl() ? "OpenSSL" : "JDK") + ", in a JVM of its own");
    AppConfig config = ConfigLoader.load(listener).withHttpPort(0).withFhir(new AppConfig.Fhir(port,
        certs.resolve("server.pem").toString(), certs.resolve("server.key").toString(),
        certs.resolve("ca.pem").toString(), "sas-banc", "", "http://localhost:8080"));
    AiguillageVerticle service = new AiguillageVerticle(config, db.settings(), new Secrets("bench-admin-password", null),
        Clock.systemUTC());
    vertx.deployVerticle(service).await(10, TimeUnit.MINUTES);

    Files.writeString(certs.resolve("client.pem"), client.certificatePem());
    Files.writeString(certs.resolve("client.key"), client.keyPem());
    List<Search> warmSearches = new ArrayList<>(warmUp);
    for (int i = 0; i < warmUp; i++) {
      warmSearches.add(pick(rpps, startHours));
    }
    List<Search> measuredSearches = new ArrayList<>(searches);
    for (int i = 0; i < searches; i++) {
      measuredSearches.add(pick(rpps, startHours));
    }
    Files.write(certs.resolve("warm.paths"), warmSearches.stream().map(FhirBench::path).toList());
    Files.write(certs.resolve("measured.paths"), measuredSearches.stream().map(FhirBench::path).toList());

    // The load from a JVM of its own (FhirLoad), so that the service's CPU, the client's and PostgreSQL's are
    // counted apart: process CPU time over the measured searches, read from /proc.
    Process loadJvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), FhirLoad.class.getName(), Integer.toString(port),
        certs.toString(), certs.resolve("warm.paths").toString(), certs.resolve("measured.paths").toString(),
        Path.of("target", "bench-fhir-sample.json").toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    long postmaster = ProcCpu.postmasterPid(Path.of("target", "bench-fhir-db"));
    long serviceCpu0 = 0;
    long jit0 = 0;
    long gc0 = 0;
    long postgresCpu0 = 0;
    String[] result = null;
    try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
        loadJvm.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("MEASURE_START")) {
          jit0 = JvmCpu.jitMillis();
          gc0 = JvmCpu.gcPauseMillis();
          serviceCpu0 = JvmCpu.processNanos();
          postgresCpu0 = ProcCpu.treeNanos(postmaster);
        } else if (line.startsWith("LOAD ")) {
          long serviceCpu = JvmCpu.processNanos() - serviceCpu0;
          long postgresCpu = ProcCpu.treeNanos(postmaster) - postgresCpu0;
          result = line.split(" ");
          double n = searches;
          System.out.printf("CPU per search over the measured searches: service JVM %.2f ms, PostgreSQL %.2f ms,"
              + " load client JVM %s ms%n", serviceCpu / 1e6 / n, postgresCpu / 1e6 / n, result[5]);
          // Part of the service JVM's figure is not the searches': the JIT still compiling (its threads' time, which
          // on a loaded machine is wall time more than CPU), and the collections' pauses (decision 0039).
          System.out.printf("service JVM during the measured searches: JIT compiling %.2f ms per search"
              + " (compiler threads' time), collection pauses %.2f ms per search%n", (JvmCpu.jitMillis() - jit0) / n,
              (JvmCpu.gcPauseMillis() - gc0) / n);
        } else {
          System.out.println(line);
        }
      }
    }
    if (loadJvm.waitFor() != 0 || result == null) {
      throw new IllegalStateException("the load client failed: exit " + loadJvm.exitValue());
    }
    int ok = Integer.parseInt(result[4]);
    System.out.printf("FHIR search, %d clients: %d requests (%d answered 200), p50 %s ms, p99 %s ms, %s req/s%n",
        CLIENTS, searches, ok, result[2], result[3], result[1]);
    System.out.printf("answers: %.1f slots and %.0f bytes on average; TLS connections opened by the clients: %s%n",
        Double.parseDouble(result[6]) / ok, Double.parseDouble(result[7]) / ok, result[8]);
    System.out.printf("FHIR_HTTP %s %s %s%n", result[1], result[2], result[3]);

    store(pool, measuredSearches);
    vertx.undeploy(vertx.deploymentIDs().iterator().next()).await(1, TimeUnit.MINUTES);
    pool.close().await(1, TimeUnit.MINUTES);
    vertx.close().await(1, TimeUnit.MINUTES);
    writeReplayScripts();
    System.out.println("PGPORT=" + db.settings().port());
    System.out.flush();
    // Keep PostgreSQL up until the script has run pgbench and closes our standard input.
    while (System.in.read() != -1) {
      Thread.onSpinWait();
    }
    db.close();
  }

  /**
   * The load client decrypts what the service encrypts, on the same two cores: with OpenSSL (BENCH_CLIENT_SSL=openssl,
   * the default where it loads) its share of them is smaller, as the SAS platform's own machines would not count.
   */
  private static boolean clientOpenSsl() {
    return !"jdk".equalsIgnoreCase(System.getenv("BENCH_CLIENT_SSL")) && OpenSSLEngineOptions.isAvailable();
  }

  private static void generate(DatabaseServer db, int professionals) throws Exception {
    Vertx vertx = Vertx.vertx();
    Pool pool = patientPool(vertx, db);
    new TerritoryService(pool).loadFrom(Path.of("config/territories.json")).await(10, TimeUnit.MINUTES);
    BookingData.professionals(pool, professionals);
    BookingData.slots(pool);
    // Written behind the indicators' back: their rollup of 2,000,000 new slots at the service's first start holds its
    // event loop for tens of seconds (a JSON tally per territory and day), which is not what this benchmark measures.
    pool.query("DELETE FROM indicator_change").execute().await(10, TimeUnit.MINUTES);
    pool.close().await(1, TimeUnit.MINUTES);
    vertx.close().await(1, TimeUnit.MINUTES);
  }

  /** For the benchmark's own statements: waits for a connection as long as a busy machine needs. */
  private static Pool patientPool(Vertx vertx, DatabaseServer db) {
    return PgBuilder.pool().with(new io.vertx.sqlclient.PoolOptions().setMaxSize(2).setConnectionTimeout(600))
        .connectingTo(Pools.connectOptions(db.settings())).using(vertx).build();
  }

  /**
   * The service's own statement (SasSlotStore.FREE_OF: the slots by professional id, with the directory's version),
   * for pgbench (target/bench-fhir.sql: one measured search's parameters picked at random, -D searches=N) and for
   * psql's EXPLAIN (target/bench-fhir-explain.sql: the first measured search, planned as on the search pool). Not
   * replayed: the search's audit row (written in groups, many requests a commit), and the directory's read by RPPS,
   * which a search issues only for RPPS its cache does not hold (none once warmed up; decision 0041).
   */
  private static void writeReplayScripts() throws java.io.IOException {
    String statement = fr.aiguillage.fhir.store.SasSlotStore.FREE_OF;
    String pick = "SELECT ids, from_at, to_at FROM bench_fhir_search WHERE n = %s \\gset\n";
    Files.writeString(Path.of("target/bench-fhir.sql"), "\\set n random(1, :searches)\n" + pick.formatted(":n")
        + statement.replace("$1", ":ids").replace("$2", ":from_at").replace("$3", ":to_at")
        .replace("$4", "now()").replace("$5", "'{SNP}'") + ";\n");
    Files.writeString(Path.of("target/bench-fhir-explain.sql"), "SET plan_cache_mode = force_generic_plan;\n"
        + pick.formatted("1") + "PREPARE search AS " + statement + ";\n"
        + "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search(:'ids', :'from_at', :'to_at', now(), '{SNP}');\n");
  }

  /** The measured searches, for pgbench: identifiers, window, and the professionals' ids they name. */
  private static void store(Pool pool, List<Search> searches) throws Exception {
    pool.query("DROP TABLE IF EXISTS bench_fhir_search").execute().await(1, TimeUnit.MINUTES);
    pool.query("CREATE TABLE bench_fhir_search (n int PRIMARY KEY, rpps text[], from_at timestamptz,"
        + " to_at timestamptz, ids uuid[])").execute().await(1, TimeUnit.MINUTES);
    List<Tuple> rows = new ArrayList<>();
    for (int i = 0; i < searches.size(); i++) {
      Search s = searches.get(i);
      rows.add(Tuple.of(i + 1, s.rpps(), s.from(), s.from().plusHours(WINDOW_HOURS)));
    }
    pool.preparedQuery("INSERT INTO bench_fhir_search VALUES ($1, $2, $3, $4,"
        + " ARRAY(SELECT id FROM professional WHERE rpps = ANY ($2)))").executeBatch(rows)
        .await(10, TimeUnit.MINUTES);
    pool.query("ANALYZE bench_fhir_search").execute().await(1, TimeUnit.MINUTES);
  }

  private static Search pick(String[] rpps, int startHours) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String[] picked = new String[IDENTIFIERS];
    for (int i = 0; i < IDENTIFIERS; i++) {
      picked[i] = rpps[random.nextInt(rpps.length)];
    }
    return new Search(picked, OffsetDateTime.now(ZoneOffset.UTC).plusHours(random.nextInt(Math.max(1, startHours)))
        .withNano(0));
  }

  private static String path(Search search) {
    StringBuilder ids = new StringBuilder();
    for (String r : search.rpps()) {
      ids.append(ids.isEmpty() ? "" : ",").append("urn:oid:1.2.250.1.71.4.2.1|8").append(r);
    }
    return "/fhir/r4/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor"
        + "&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization"
        + "&start=ge" + URLEncoder.encode(search.from().toString(), StandardCharsets.UTF_8)
        + "&start=le" + URLEncoder.encode(search.from().plusHours(WINDOW_HOURS).toString(), StandardCharsets.UTF_8)
        + "&schedule.actor:Practitioner.identifier=" + URLEncoder.encode(ids.toString(), StandardCharsets.UTF_8)
        + "&status=free";
  }
}
