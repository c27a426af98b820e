package fr.aiguillage.bench;

import fr.aiguillage.AiguillageVerticle;
import fr.aiguillage.Secrets;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.DbSettings;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.fhir.TestPki;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench-fhir.sh: the SAS slot search (25 RPPS, 48 hours, the guide's four includes) at 16 clients over
 * mutual TLS, on the booking benchmark's data set (100,000 professionals, 2,000,000 SNP slots over 7 days); then
 * the ceiling: the same three SQL statements the service sends per search, over JDBC from 16 threads, against the
 * same database in the same run.
 */
public final class FhirBench {

  private static final int CLIENTS = 16;
  private static final int IDENTIFIERS = 25;
  /** One answer, kept for FhirContextCost (what parsing and encoding it with HAPI would cost). */
  private static final java.util.concurrent.atomic.AtomicReference<String> SAMPLE =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** The statements the service sends per search (ProfessionalStore.findByRpps + withSites, SlotStore.findFree). */
  private static final String PROFESSIONALS = """
      SELECT p.id, p.rpps, p.family_name, p.given_name, p.profession, p.specialty, p.skills, p.phone, p.email,
      p.accepts_snp, p.accepts_overbooking, p.mt_capacity, p.active,
      ARRAY(SELECT DISTINCT c.territory_id FROM site s JOIN commune c ON c.insee = s.commune_insee
            WHERE s.professional_id = p.id ORDER BY 1) AS territories FROM professional p WHERE p.rpps = ANY (?)""";
  private static final String SITES = "SELECT id, professional_id, name, address, commune_insee, lat, lon, phone"
      + " FROM site WHERE professional_id = ANY (?) ORDER BY name, id";
  private static final String FREE_SLOTS = "SELECT id, professional_id, site_id, kind, status, start_at, end_at,"
      + " source, rule_id FROM slot WHERE professional_id = ANY (?) AND status = 'free' AND start_at >= ?"
      + " AND start_at <= ? AND start_at > ? AND kind = ANY (?) ORDER BY start_at, id";

  public static void main(String[] args) throws Exception {
    int professionals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int searches = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    DatabaseServer db = BenchDatabase.fresh("bench-fhir-pg");
    Vertx vertx = Vertx.vertx();
    // Generation only; a patient connection timeout, as the machine may be busy with other builds.
    DbSettings settings = db.settings();
    Pool pool = io.vertx.pgclient.PgBuilder.pool()
        .with(new io.vertx.sqlclient.PoolOptions().setMaxSize(4).setConnectionTimeout(600))
        .connectingTo(new io.vertx.pgclient.PgConnectOptions().setHost(settings.host()).setPort(settings.port())
            .setDatabase(settings.database()).setUser(settings.user()).setPassword(settings.password()))
        .using(vertx).build();
    new TerritoryService(pool).loadFrom(Path.of("config/territories.json")).await(10, TimeUnit.MINUTES);
    long t0 = System.nanoTime();
    BookingData.professionals(pool, professionals);
    BookingData.slots(pool);
    System.out.printf("generated %d professionals and their slots in %.1f s%n", professionals,
        (System.nanoTime() - t0) / 1e9);
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
    AppConfig config = ConfigLoader.load(Map.of()).withHttpPort(0).withFhir(new AppConfig.Fhir(port,
        certs.resolve("server.pem").toString(), certs.resolve("server.key").toString(),
        certs.resolve("ca.pem").toString(), "sas-banc", "", "http://localhost:8080"));
    AiguillageVerticle service = new AiguillageVerticle(config, db.settings(), new Secrets("bench-admin-password", null),
        Clock.systemUTC());
    vertx.deployVerticle(service).await(10, TimeUnit.MINUTES);

    Vertx load = Vertx.vertx();
    WebClient web = WebClient.create(load, new WebClientOptions().setSsl(true).setDefaultHost("localhost")
        .setDefaultPort(port).setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(pki.caPem())))
        .setKeyCertOptions(new PemKeyCertOptions().addCertValue(Buffer.buffer(client.certificatePem()))
            .addKeyValue(Buffer.buffer(client.keyPem()))), new PoolOptions().setHttp1MaxSize(CLIENTS));
    long[] sizes = new long[2];
    Load.Result warm = Load.run(CLIENTS, searches / 2, () -> search(web, rpps, sizes)).await(30, TimeUnit.MINUTES);
    print("FHIR search warm-up", searches / 2, warm);
    sizes[0] = 0;
    sizes[1] = 0;
    Load.Result measured = Load.run(CLIENTS, searches, () -> search(web, rpps, sizes)).await(30, TimeUnit.MINUTES);
    print("FHIR search", searches, measured);
    System.out.printf("answers: %.1f slots and %.0f bytes on average%n", (double) sizes[0] / measured.ok(),
        (double) sizes[1] / measured.ok());

    Files.writeString(Path.of("target", "bench-fhir-sample.json"), SAMPLE.get() == null ? "{}" : SAMPLE.get());
    load.close().await(10, TimeUnit.MINUTES);
    vertx.close().await(10, TimeUnit.MINUTES);
    Result ceiling = jdbcCeiling(db.settings(), rpps, searches / 2);
    Result ceilingMeasured = jdbcCeiling(db.settings(), rpps, searches);
    System.out.printf("ceiling warm-up, same SQL over JDBC, %d threads: %d searches, p50 %.2f ms, p99 %.2f ms,"
        + " %.0f searches/s%n", CLIENTS, searches / 2, ceiling.p(50), ceiling.p(99), ceiling.perSecond);
    System.out.printf("ceiling, same SQL over JDBC, %d threads: %d searches, p50 %.2f ms, p99 %.2f ms, %.0f searches/s%n",
        CLIENTS, searches, ceilingMeasured.p(50), ceilingMeasured.p(99), ceilingMeasured.perSecond);
    System.out.printf("ratios (service / ceiling): throughput %.2f, p50 %.2f, p99 %.2f%n",
        measured.perSecond() / ceilingMeasured.perSecond, measured.percentileMillis(50) / ceilingMeasured.p(50),
        measured.percentileMillis(99) / ceilingMeasured.p(99));
    db.close();
  }

  private static void print(String what, int n, Load.Result r) {
    System.out.printf("%s, %d clients: %d requests (%d answered 200), p50 %.2f ms, p99 %.2f ms, %.0f req/s%n", what,
        CLIENTS, n, r.ok(), r.percentileMillis(50), r.percentileMillis(99), r.perSecond());
  }

  private static String[] pick(String[] rpps) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String[] picked = new String[IDENTIFIERS];
    for (int i = 0; i < IDENTIFIERS; i++) {
      picked[i] = rpps[random.nextInt(rpps.length)];
    }
    return picked;
  }

  private static OffsetDateTime windowStart() {
    return OffsetDateTime.now(ZoneOffset.UTC).plusHours(ThreadLocalRandom.current().nextInt(24 * 5)).withNano(0);
  }

  private static Future<Boolean> search(WebClient web, String[] rpps, long[] sizes) {
    StringBuilder ids = new StringBuilder();
    for (String r : pick(rpps)) {
      ids.append(ids.isEmpty() ? "" : ",").append("urn:oid:1.2.250.1.71.4.2.1|8").append(r);
    }
    OffsetDateTime from = windowStart();
    String query = "/fhir/r4/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor"
        + "&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization"
        + "&start=ge" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
        + "&start=le" + URLEncoder.encode(from.plusHours(48).toString(), StandardCharsets.UTF_8)
        + "&schedule.actor:Practitioner.identifier=" + URLEncoder.encode(ids.toString(), StandardCharsets.UTF_8)
        + "&status=free";
    return web.get(query).putHeader("Accept", "application/fhir+json").send().map(r -> {
      if (r.statusCode() != 200) {
        return false;
      }
      int total = r.bodyAsJsonObject().getInteger("total");
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

  private record Result(long[] nanos, double perSecond) {
    double p(double percentile) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return sorted[(int) Math.max(0, Math.ceil(percentile / 100 * sorted.length) - 1)] / 1e6;
    }
  }

  /** The same three statements per search, over JDBC (prepared, one connection per thread). */
  private static Result jdbcCeiling(DbSettings db, String[] rpps, int searches) throws Exception {
    long[] nanos = new long[searches];
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < CLIENTS; t++) {
      int first = t;
      Thread thread = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement pros = c.prepareStatement(PROFESSIONALS);
             PreparedStatement sites = c.prepareStatement(SITES);
             PreparedStatement slots = c.prepareStatement(FREE_SLOTS)) {
          for (int i = first; i < searches; i += CLIENTS) {
            long t0 = System.nanoTime();
            oneSearch(c, pros, sites, slots, pick(rpps), windowStart());
            nanos[i] = System.nanoTime() - t0;
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Result(nanos, searches / ((System.nanoTime() - start) / 1e9));
  }

  private static void oneSearch(Connection c, PreparedStatement pros, PreparedStatement sites, PreparedStatement slots,
                                String[] rpps, OffsetDateTime from) throws Exception {
    pros.setArray(1, c.createArrayOf("text", rpps));
    List<UUID> ids = new ArrayList<>();
    try (ResultSet rs = pros.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    sites.setArray(1, c.createArrayOf("uuid", ids.toArray()));
    try (ResultSet rs = sites.executeQuery()) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
    slots.setArray(1, c.createArrayOf("uuid", ids.toArray()));
    slots.setObject(2, from);
    slots.setObject(3, from.plusHours(48));
    slots.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
    slots.setArray(5, c.createArrayOf("text", new String[] {"SNP"}));
    try (ResultSet rs = slots.executeQuery()) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }
}
