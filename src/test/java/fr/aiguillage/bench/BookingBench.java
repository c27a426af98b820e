package fr.aiguillage.bench;

import fr.aiguillage.AiguillageVerticle;
import fr.aiguillage.Secrets;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Pools;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * scripts/bench-booking.sh: 100,000 professionals and 2,000,000 slots over 7 days; slot search latency
 * and throughput at 16 clients and booking throughput at 32 clients, through the real HTTP service. It
 * then leaves the database running for pgbench (the same booking transaction in SQL) and prints how to
 * reach it on stdout as {@code PGPORT=...}, with the measured searches' parameters in {@code bench_search} for
 * pgbench to replay the search's own SQL (scripts/bench-search.sql).
 */
public final class BookingBench {

  /** The load client's event-loop threads (those its answers arrive on). */
  private static final Set<Long> CLIENT_THREADS = ConcurrentHashMap.newKeySet();

  /** Free slots set aside for pgbench, one per transaction: enough for two 15-second runs. */
  private static final int PGBENCH_SLOTS = 400_000;
  /** Patients the bookings go round (scripts/bench-booking.sql takes the n-th booking's the same way). */
  private static final int PATIENTS = 1_000;
  private static final int WARM_UP_SEARCHES = 40_000;

  public static void main(String[] args) throws Exception {
    int professionals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int searches = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int bookings = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int warmUpSearches = args.length > 3 ? Integer.parseInt(args[3]) : WARM_UP_SEARCHES;
    DatabaseServer db = BenchDatabase.withBookingData("bench-booking-pg", professionals);
    Vertx vertx = Vertx.vertx();
    Pool pool = Pools.create(vertx, db.settings(), 4);
    // The copy's statistics are the template's, gathered when it was made (BookingData ends with VACUUM ANALYZE).

    AppConfig config = ConfigLoader.load(Map.of()).withHttpPort(0);
    AiguillageVerticle service = new AiguillageVerticle(config, db.settings(), new Secrets("bench-admin-password", null),
        Clock.systemUTC());
    vertx.deployVerticle(service).await(2, TimeUnit.MINUTES);
    // The load comes from its own Vert.x (own event loops), not from the service's threads.
    Vertx load = Vertx.vertx();
    WebClient client = WebClient.create(load, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(service.actualPort()), new PoolOptions().setHttp1MaxSize(64));
    String token = Operators.operatorToken(client, "bench-admin-password", "bench-operator",
        "bench-operator-password", List.of("bassin-de-thau", "montpellier-est-berange"));
    // Bookings go round the patients, as a secretariat's day does: one patient booked 20,000 times made the scope
    // guard read 20,000 appointments per booking (the territories of the patient's appointments).
    List<String> patientIds = new ArrayList<>();
    for (int i = 0; i < PATIENTS; i++) {
      patientIds.add(patient(client, token, i));
    }
    AtomicInteger nextPatient = new AtomicInteger();
    Supplier<String> patientId = () -> patientIds.get(nextPatient.getAndIncrement() % PATIENTS);

    List<String> communes = pool.query("SELECT insee FROM commune").execute().await(1, TimeUnit.MINUTES)
        .stream().map(r -> r.getString(0)).toList();
    Random random = new Random(7);
    // Each search's window (24 hours from a start up to 6 days ahead) lies within the data set's slots, which start
    // from the hour it was generated: drawn up to 6 days ahead of a template made in the morning, the last starts
    // passed its last slot by the evening, found nothing, and read every site in reach (decision 0042).
    OffsetDateTime lastSlot = pool.query("SELECT max(start_at) FROM slot").execute().await(5, TimeUnit.MINUTES)
        .iterator().next().getOffsetDateTime(0);
    int startHours = (int) Math.max(1, Math.min(24 * 6,
        Duration.between(OffsetDateTime.now(), lastSlot).toHours() - 24));
    // Warm-up (searches, then bookings): the JIT compiles the request path over the first tens of thousands of
    // calls; its figures are printed too, so the cold start is visible, but the targets are about the
    // running service.
    Load.Result warm = Load.run(16, warmUpSearches, () -> search(client, token, communes, random, startHours))
        .await(30, TimeUnit.MINUTES);
    System.out.printf("search warm-up, 16 clients: %d requests, p50 %.2f ms, p99 %.2f ms, %.0f req/s%n",
        warmUpSearches, warm.percentileMillis(50), warm.percentileMillis(99), warm.perSecond());
    checkAnswers("search warm-up", warm);
    List<SearchParams> planned = SearchParams.plan(communes, searches, startHours, new Random(11));
    int[] resultCounts = new int[searches];
    java.util.Arrays.fill(resultCounts, -1); // -1: the search failed, so pgbench does not replay it
    AtomicInteger nextSearch = new AtomicInteger();
    Map<String, Long> beforeSearches = Statements.counters(pool);
    Load.Result search = Load.run(16, searches, () -> {
      int i = nextSearch.getAndIncrement();
      return search(client, token, planned.get(i), resultCounts, i);
    }).await(30, TimeUnit.MINUTES);
    System.out.printf("search, 16 clients: %d requests, p50 %.2f ms, p99 %.2f ms, %.0f req/s%n", searches,
        search.percentileMillis(50), search.percentileMillis(99), search.perSecond());
    checkAnswers("search", search);
    System.out.printf("SEARCH_HTTP %.1f %.3f%n", search.perSecond(), search.percentileMillis(99));
    Statements.report(pool, beforeSearches, "the measured searches through HTTP", searches,
        Path.of("target/bench-booking-activity-search-http.txt"));
    SearchParams.store(pool, planned, resultCounts);

    List<String> free = new ArrayList<>(pool.query("SELECT id::text FROM slot WHERE status = 'free'"
            + " AND start_at > now() + interval '1 hour' ORDER BY random() LIMIT " + (2 * bookings + PGBENCH_SLOTS))
        .execute().await(5, TimeUnit.MINUTES).stream().map(r -> r.getString(0)).toList());
    ConcurrentLinkedQueue<String> forHttp = new ConcurrentLinkedQueue<>(free.subList(0, 2 * bookings));
    long postmaster = ProcCpu.postmasterPid(Path.of("target", "bench-booking-pg"));
    Optional<CpuPinning> pinning = CpuPinning.fromEnvironment();
    if (pinning.isPresent()) {
      pinning.get().apart(postmaster);
    }
    Load.Result warmBookings = Load.run(32, bookings, () -> book(client, token, patientId.get(), forHttp.poll()))
        .await(30, TimeUnit.MINUTES);
    System.out.printf("booking warm-up, 32 clients: %d bookings, %.0f bookings/s, p50 %.2f ms, p99 %.2f ms%n",
        warmBookings.ok(), warmBookings.perSecond(), warmBookings.percentileMillis(50),
        warmBookings.percentileMillis(99));
    checkAnswers("booking warm-up", warmBookings);
    Map<String, Long> beforeBookings = Statements.counters(pool);
    // CPU per booking: the JVM's (the service, GC and JIT, and the load client's event loops, counted apart by the
    // threads its answers arrive on) and PostgreSQL's, over the measured bookings.
    CLIENT_THREADS.clear();
    long jvmCpu0 = JvmCpu.processNanos();
    long postgresCpu0 = ProcCpu.treeNanos(postmaster);
    Map<Long, Long> threadCpu0 = JvmCpu.threadNanos(false);
    Map<Long, Long> threadUser0 = JvmCpu.threadNanos(true);
    Load.Result booked = Load.run(32, bookings, () -> book(client, token, patientId.get(), forHttp.poll()))
        .await(30, TimeUnit.MINUTES);
    long jvmCpu = JvmCpu.processNanos() - jvmCpu0;
    long postgresCpu = ProcCpu.treeNanos(postmaster) - postgresCpu0;
    if (pinning.isPresent()) {
      pinning.get().release(postmaster);
    }
    Map<Long, Long> threadCpu = JvmCpu.threadNanos(false);
    Map<Long, Long> threadUser = JvmCpu.threadNanos(true);
    long clientCpu = CLIENT_THREADS.stream().mapToLong(t -> threadCpu.getOrDefault(t, 0L)
        - threadCpu0.getOrDefault(t, 0L)).sum();
    // Java threads that are not the client's: the service's event loop and workers (and JIT, JFR if recording);
    // what no Java thread took is the garbage collector's and the VM's own threads.
    long javaCpu = threadCpu.entrySet().stream().filter(t -> !CLIENT_THREADS.contains(t.getKey()))
        .mapToLong(t -> t.getValue() - threadCpu0.getOrDefault(t.getKey(), 0L)).sum();
    long javaUser = threadUser.entrySet().stream().filter(t -> !CLIENT_THREADS.contains(t.getKey()))
        .mapToLong(t -> t.getValue() - threadUser0.getOrDefault(t.getKey(), 0L)).sum();
    System.out.printf("CPU per measured booking: PostgreSQL %.2f ms, benchmark JVM %.2f ms = service's Java threads"
            + " %.2f ms + GC and VM threads %.2f ms + load client event loops %.2f ms%n", postgresCpu / 1e6 / bookings,
        jvmCpu / 1e6 / bookings, javaCpu / 1e6 / bookings, (jvmCpu - javaCpu - clientCpu) / 1e6 / bookings,
        clientCpu / 1e6 / bookings);
    System.out.printf("of the service's Java threads' %.2f ms: user %.2f ms, kernel (system calls: sockets, polling)"
        + " %.2f ms%n", javaCpu / 1e6 / bookings, javaUser / 1e6 / bookings, (javaCpu - javaUser) / 1e6 / bookings);
    System.out.printf("booking, 32 clients: %d bookings in %.1f s = %.0f bookings/s, p50 %.2f ms, p99 %.2f ms%n",
        booked.ok(), booked.seconds(), booked.perSecond(), booked.percentileMillis(50), booked.percentileMillis(99));
    checkAnswers("booking", booked);
    Statements.report(pool, beforeBookings, "the measured bookings through HTTP", bookings,
        Path.of("target/bench-booking-activity-booking-http.txt"));
    System.out.printf("BOOKING_HTTP %.1f %.3f%n", booked.perSecond(), booked.percentileMillis(99));

    prepareForPgbench(pool, free.subList(2 * bookings, free.size()), patientIds);
    vertx.undeploy(vertx.deploymentIDs().iterator().next()).await(1, TimeUnit.MINUTES);
    pool.close().await(1, TimeUnit.MINUTES);
    vertx.close().await(1, TimeUnit.MINUTES);
    load.close().await(1, TimeUnit.MINUTES);
    pinning.ifPresent(p -> System.out.println("APP_CPUS=" + p.rest()));
    System.out.println("PGPORT=" + db.settings().port());
    System.out.flush();
    // Keep PostgreSQL up until the script has run pgbench and closes our standard input.
    while (System.in.read() != -1) {
      Thread.onSpinWait();
    }
    db.close();
  }

  /** The first answer that was not the one expected, kept to be printed: a phase of refusals is not a figure. */
  private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_FAILURE =
      new java.util.concurrent.atomic.AtomicReference<>();

  private static boolean expected(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> r, int status) {
    if (r.statusCode() != status) {
      FIRST_FAILURE.compareAndSet(null, r.statusCode() + " " + r.bodyAsString());
    }
    return r.statusCode() == status;
  }

  /** Prints how many calls of a phase did not succeed; stops the benchmark when more than 1 % of them failed. */
  private static void checkAnswers(String phase, Load.Result result) {
    int failed = result.requests() - result.ok();
    if (failed > 0) {
      System.out.printf("%s: %d of %d calls did not succeed, the first answered %s%n", phase, failed,
          result.requests(), FIRST_FAILURE.get());
    }
    if (failed * 100L > result.requests()) {
      throw new IllegalStateException(phase + ": more than 1 % of the calls failed, the figures would be meaningless");
    }
  }

  private static String patient(WebClient client, String token, int i) throws Exception {
    return client.post("/api/v1/patients").bearerTokenAuthentication(token).sendJsonObject(new JsonObject()
            .put("familyName", "Banc").put("givenName", "Essai " + i).put("birthDate", "1980-01-01")
            .put("phone", String.format("04 65 7%d %02d %02d", i / 10000 % 10, i / 100 % 100, i % 100))
            .put("communeInsee", "34301"))
        .await(1, TimeUnit.MINUTES).bodyAsJsonObject().getString("id");
  }

  private static Future<Boolean> search(WebClient client, String token, List<String> communes, Random random,
                                        int startHours) {
    String commune = communes.get(random.nextInt(communes.size()));
    String profession = random.nextInt(10) < 7 ? "GENERAL_PRACTITIONER" : "PHARMACIST";
    String from = URLEncoder.encode(OffsetDateTime.now(ZoneOffset.UTC).plusHours(random.nextInt(startHours))
        .withNano(0).toString(), StandardCharsets.UTF_8);
    return client.get("/api/v1/slots/search?communeInsee=" + commune + "&profession=" + profession + "&from=" + from)
        .bearerTokenAuthentication(token).send().map(r -> expected(r, 200));
  }

  /** One planned search; the number of results it found is kept for pgbench (no result list → no overbooking). */
  private static Future<Boolean> search(WebClient client, String token, SearchParams p, int[] resultCounts, int i) {
    String from = URLEncoder.encode(OffsetDateTime.now(ZoneOffset.UTC).plusHours(p.fromHours()).withNano(0)
        .toString(), StandardCharsets.UTF_8);
    return client.get("/api/v1/slots/search?communeInsee=" + p.commune() + "&profession=" + p.profession()
            + "&from=" + from)
        .bearerTokenAuthentication(token).send().map(r -> {
          if (r.statusCode() == 200) {
            resultCounts[i] = r.bodyAsJsonObject().getJsonArray("results").size();
          }
          return expected(r, 200);
        });
  }

  private static Future<Boolean> book(WebClient client, String token, String patientId, String slotId) {
    return client.post("/api/v1/appointments").bearerTokenAuthentication(token).sendJsonObject(new JsonObject()
            .put("slotId", slotId).put("patientId", patientId).put("reason", "banc d'essai"))
        .map(r -> {
          CLIENT_THREADS.add(Thread.currentThread().getId());
          return expected(r, 201);
        });
  }

  /** Numbered free slots for pgbench to take one by one, and the ids its transaction needs. */
  private static void prepareForPgbench(Pool pool, List<String> slots, List<String> patientIds) throws Exception {
    pool.query("CREATE TABLE bench_slot (n bigint PRIMARY KEY, id uuid NOT NULL)").execute()
        .await(1, TimeUnit.MINUTES);
    pool.preparedQuery("INSERT INTO bench_slot SELECT i, s::uuid FROM unnest($1::text[]) WITH ORDINALITY AS t(s, i)")
        .execute(io.vertx.sqlclient.Tuple.of(slots.toArray(String[]::new))).await(5, TimeUnit.MINUTES);
    pool.query("CREATE SEQUENCE bench_seq").execute().await(1, TimeUnit.MINUTES);
    // bench_ids: the n-th booking's patient (round the same patients as over HTTP) and the operator
    pool.preparedQuery("CREATE TABLE bench_patient AS SELECT i - 1 AS i, p::uuid AS patient_id"
            + " FROM unnest($1::text[]) WITH ORDINALITY AS t(p, i)")
        .execute(io.vertx.sqlclient.Tuple.of(patientIds.toArray(String[]::new))).await(1, TimeUnit.MINUTES);
    pool.query("ALTER TABLE bench_patient ADD PRIMARY KEY (i)").execute().await(1, TimeUnit.MINUTES);
    pool.query("CREATE TABLE bench_ids AS SELECT (SELECT id FROM account WHERE login = 'bench-operator') AS account_id")
        .execute().await(1, TimeUnit.MINUTES);
  }
}
