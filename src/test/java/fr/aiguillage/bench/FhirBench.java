package fr.aiguillage.bench;

import fr.aiguillage.AiguillageVerticle;
import fr.aiguillage.Secrets;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Pools;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.fhir.TestPki;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * scripts/bench-fhir.sh: the SAS slot search (25 RPPS, 48 hours, the guide's four includes) at 16 clients over
 * mutual TLS, on the booking benchmark's data set (100,000 professionals, 2,000,000 SNP slots over 7 days,
 * generated once under target/bench-data and reused). The measured searches' parameters go to
 * {@code bench_fhir_search}, then the database stays up ({@code PGPORT=...} on stdout) until standard input closes,
 * for pgbench to replay the service's own SQL (scripts/bench-fhir.sql) as the ceiling.
 */
public final class FhirBench {

  private static final int CLIENTS = 16;
  private static final int IDENTIFIERS = 25;
  private static final int WINDOW_HOURS = 48;
  /** One answer, kept for FhirContextCost (what parsing and encoding it with HAPI would cost). */
  private static final AtomicReference<String> SAMPLE = new AtomicReference<>();

  /** One search: its identifiers and window. */
  private record Search(String[] rpps, OffsetDateTime from) {
  }

  public static void main(String[] args) throws Exception {
    int professionals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int searches = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : searches / 2;
    DatabaseServer db = BenchDatabase.reused("fhir-" + professionals, "booking data set, professionals="
        + professionals, Duration.ofHours(24), server -> generate(server, professionals));
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
        + "; load client TLS engine: " + (clientOpenSsl() ? "OpenSSL" : "JDK"));
    AppConfig config = ConfigLoader.load(listener).withHttpPort(0).withFhir(new AppConfig.Fhir(port,
        certs.resolve("server.pem").toString(), certs.resolve("server.key").toString(),
        certs.resolve("ca.pem").toString(), "sas-banc", "", "http://localhost:8080"));
    AiguillageVerticle service = new AiguillageVerticle(config, db.settings(), new Secrets("bench-admin-password", null),
        Clock.systemUTC());
    vertx.deployVerticle(service).await(10, TimeUnit.MINUTES);

    // The load from a Vert.x of its own; HTTP/1.1 keep-alive, one connection per client, each TLS handshake counted
    // (16 in a run: connections are reused, not opened per request).
    Vertx load = Vertx.vertx();
    AtomicInteger connections = new AtomicInteger();
    WebClient web = WebClient.wrap(load.httpClientBuilder()
        .with(new HttpClientOptions().setSsl(true).setKeepAlive(true).setDefaultHost("localhost").setDefaultPort(port)
            .setSslEngineOptions(clientOpenSsl() ? new OpenSSLEngineOptions() : new JdkSSLEngineOptions())
            .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(pki.caPem())))
            .setKeyCertOptions(new PemKeyCertOptions().addCertValue(Buffer.buffer(client.certificatePem()))
                .addKeyValue(Buffer.buffer(client.keyPem()))))
        .with(new PoolOptions().setHttp1MaxSize(CLIENTS))
        .withConnectHandler(c -> connections.incrementAndGet())
        .build());
    long[] sizes = new long[2];
    Load.Result warm = Load.run(CLIENTS, warmUp, () -> search(web, pick(rpps, startHours), sizes))
        .await(30, TimeUnit.MINUTES);
    print("FHIR search warm-up", warmUp, warm);
    sizes[0] = 0;
    sizes[1] = 0;
    List<Search> measuredSearches = new ArrayList<>(searches);
    for (int i = 0; i < searches; i++) {
      measuredSearches.add(pick(rpps, startHours));
    }
    AtomicInteger next = new AtomicInteger();
    long cpu0 = processCpuNanos();
    Load.Result measured = Load.run(CLIENTS, searches, () -> search(web, measuredSearches.get(next.getAndIncrement()),
        sizes)).await(30, TimeUnit.MINUTES);
    long cpu = processCpuNanos() - cpu0;
    print("FHIR search", searches, measured);
    // CPU time, not wall time: what a search costs this JVM (service and load client) whatever else the cores run.
    System.out.printf("CPU of this JVM (service + load client) per search: %.2f ms%n", cpu / 1e6 / searches);
    System.out.printf("answers: %.1f slots and %.0f bytes on average; TLS connections opened by the clients: %d%n",
        (double) sizes[0] / measured.ok(), (double) sizes[1] / measured.ok(), connections.get());
    System.out.printf("FHIR_HTTP %.1f %.3f %.3f%n", measured.perSecond(), measured.percentileMillis(50),
        measured.percentileMillis(99));
    Files.writeString(Path.of("target", "bench-fhir-sample.json"), SAMPLE.get() == null ? "{}" : SAMPLE.get());

    store(pool, measuredSearches);
    vertx.undeploy(vertx.deploymentIDs().iterator().next()).await(1, TimeUnit.MINUTES);
    pool.close().await(1, TimeUnit.MINUTES);
    load.close().await(1, TimeUnit.MINUTES);
    vertx.close().await(1, TimeUnit.MINUTES);
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

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
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

  private static void print(String what, int n, Load.Result r) {
    System.out.printf("%s, %d clients: %d requests (%d answered 200), p50 %.2f ms, p99 %.2f ms, %.0f req/s%n", what,
        CLIENTS, n, r.ok(), r.percentileMillis(50), r.percentileMillis(99), r.perSecond());
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

  /** The Bundle's total, read from the answer's bytes without decoding them (the clients share the two cores). */
  private static int total(Buffer bundle) {
    byte[] key = "\"total\":".getBytes(StandardCharsets.US_ASCII);
    int limit = Math.min(bundle.length(), 4096) - key.length;
    for (int at = 0; at < limit; at++) {
      int k = 0;
      while (k < key.length && bundle.getByte(at + k) == key[k]) {
        k++;
      }
      if (k == key.length) {
        int total = 0;
        for (int i = at + k; i < bundle.length() && Character.isDigit(bundle.getByte(i)); i++) {
          total = total * 10 + bundle.getByte(i) - '0';
        }
        return total;
      }
    }
    throw new IllegalStateException("no total in the answer");
  }

  private static Future<Boolean> search(WebClient web, Search search, long[] sizes) {
    StringBuilder ids = new StringBuilder();
    for (String r : search.rpps()) {
      ids.append(ids.isEmpty() ? "" : ",").append("urn:oid:1.2.250.1.71.4.2.1|8").append(r);
    }
    String query = "/fhir/r4/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor"
        + "&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization"
        + "&start=ge" + URLEncoder.encode(search.from().toString(), StandardCharsets.UTF_8)
        + "&start=le" + URLEncoder.encode(search.from().plusHours(WINDOW_HOURS).toString(), StandardCharsets.UTF_8)
        + "&schedule.actor:Practitioner.identifier=" + URLEncoder.encode(ids.toString(), StandardCharsets.UTF_8)
        + "&status=free";
    return web.get(query).putHeader("Accept", "application/fhir+json").send().map(r -> {
      if (r.statusCode() != 200) {
        return false;
      }
      int total = total(r.body());
      synchronized (sizes) {
        sizes[0] += total;
        sizes[1] += r.body().length();
      }
      if (total > 0 && SAMPLE.get() == null) {
        SAMPLE.set(r.bodyAsString());
      }
      return true;
    });
  }
}
