package fr.aiguillage.bench;

import fr.aiguillage.AiguillageVerticle;
import fr.aiguillage.Secrets;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Pools;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench-ical.sh: one professional with 2,000 appointments over the feed window; the feed fetched
 * over HTTP by one client, first cold (rendered) then repeatedly, without and with If-None-Match.
 */
public final class IcalBench {

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    try (DatabaseServer db = BenchDatabase.fresh("bench-ical-pg")) {
      Vertx vertx = Vertx.vertx();
      AppConfig config = ConfigLoader.load(Map.of("AIGUILLAGE_ICAL_REQUESTS_PER_MINUTE", "1000000")).withHttpPort(0);
      AiguillageVerticle service = new AiguillageVerticle(config, db.settings(), new Secrets("bench-admin-password",
          null), Clock.systemUTC());
      vertx.deployVerticle(service).await(2, TimeUnit.MINUTES);
      Vertx load = Vertx.vertx();
      WebClient client = WebClient.create(load, new WebClientOptions().setDefaultHost("localhost")
          .setDefaultPort(service.actualPort()));
      String admin = login(client, "admin", "bench-admin-password");
      client.post("/api/v1/accounts").bearerTokenAuthentication(admin).sendJsonObject(new JsonObject()
          .put("login", "bench-coordinator").put("password", "bench-coordinator-password")
          .put("roles", new JsonArray().add("COORDINATOR")).put("territories", new JsonArray().add("bassin-de-thau")))
          .await(1, TimeUnit.MINUTES);
      String coordinator = login(client, "bench-coordinator", "bench-coordinator-password");
      String professional = client.post("/api/v1/professionals").bearerTokenAuthentication(admin)
          .sendJsonObject(new JsonObject().put("rpps", "1500000000" + fr.aiguillage.directory.Rpps.checkDigit("1500000000")).put("familyName", "Banc").put("givenName", "Essai")
              .put("profession", "GENERAL_PRACTITIONER").put("phone", "04 65 71 00 00").put("acceptsSnp", true)
              .put("acceptsOverbooking", false).put("mtCapacity", 0).put("sites", new JsonArray().add(new JsonObject()
                  .put("name", "Cabinet").put("address", "1 rue du banc").put("communeInsee", "34301"))))
          .await(1, TimeUnit.MINUTES).bodyAsJsonObject().getString("id");
      Pool pool = Pools.create(vertx, db.settings(), 2);
      appointments(pool, professional, events);
      String url = client.post("/api/v1/professionals/" + professional + "/calendar-feed")
          .bearerTokenAuthentication(coordinator).send().await(1, TimeUnit.MINUTES).bodyAsJsonObject().getString("url");
      String path = URI.create(url).getPath();

      long t0 = System.nanoTime();
      var cold = client.get(path).send().await(1, TimeUnit.MINUTES);
      double coldMs = (System.nanoTime() - t0) / 1e6;
      long vevents = cold.bodyAsString().lines().filter(l -> l.equals("BEGIN:VEVENT")).count();
      System.out.printf("feed of %d events (%d bytes): first fetch (rendered) %.1f ms%n", vevents,
          cold.body().length(), coldMs);
      String etag = cold.getHeader("ETag");
      long[] full = new long[requests];
      long[] conditional = new long[requests];
      for (int i = 0; i < requests; i++) {
        long s = System.nanoTime();
        client.get(path).send().await(1, TimeUnit.MINUTES);
        full[i] = System.nanoTime() - s;
        s = System.nanoTime();
        client.get(path).putHeader("If-None-Match", etag).send().await(1, TimeUnit.MINUTES);
        conditional[i] = System.nanoTime() - s;
      }
      System.out.printf("full GET: p50 %.2f ms, p99 %.2f ms; If-None-Match (304): p50 %.2f ms, p99 %.2f ms (%d each)%n",
          pct(full, 50), pct(full, 99), pct(conditional, 50), pct(conditional, 99), requests);
      pool.close().await(1, TimeUnit.MINUTES);
      load.close().await(1, TimeUnit.MINUTES);
      vertx.close().await(1, TimeUnit.MINUTES);
    }
  }

  private static String login(WebClient client, String login, String password) throws Exception {
    return client.post("/api/v1/auth/login").sendJsonObject(new JsonObject().put("login", login)
        .put("password", password)).await(1, TimeUnit.MINUTES).bodyAsJsonObject().getString("token");
  }

  /** {@code n} booked 20-minute slots spread over the 58-day feed window, one patient, one booking account. */
  private static void appointments(Pool pool, String professional, int n) throws Exception {
    pool.preparedQuery("""
            WITH pat AS (INSERT INTO patient (id, family_name, given_name, birth_date, phone, commune_insee, created_at,
                           updated_at)
                         VALUES (gen_random_uuid(), 'Banc', 'Essai', '1980-01-01', '+33465719999', '34301', now(), now())
                         RETURNING id),
                 acc AS (SELECT id FROM account WHERE login = 'bench-coordinator'),
                 site AS (SELECT id FROM site WHERE professional_id = $1::uuid),
                 slots AS (INSERT INTO slot (id, professional_id, site_id, kind, status, start_at, end_at, source,
                             created_at, updated_at)
                           SELECT gen_random_uuid(), $1::uuid, (SELECT id FROM site),  'SNP', 'booked',
                                  date_trunc('hour', now()) - interval '29 days' + k * interval '25 minutes',
                                  date_trunc('hour', now()) - interval '29 days' + k * interval '25 minutes'
                                    + interval '20 minutes', 'MANUAL', now(), now()
                           FROM generate_series(0, $2 - 1) AS k
                           RETURNING id, site_id, start_at, end_at)
            INSERT INTO appointment (id, slot_id, professional_id, site_id, territory_id, kind, start_at, end_at,
                                     patient_id, reason, booked_by, status, version, created_at, updated_at)
            SELECT gen_random_uuid(), s.id, $1::uuid, s.site_id, 'bassin-de-thau', 'SNP', s.start_at, s.end_at,
                   (SELECT id FROM pat), 'banc', (SELECT id FROM acc), 'booked', 0, now(), now()
            FROM slots s""")
        .execute(io.vertx.sqlclient.Tuple.of(professional, n)).await(5, TimeUnit.MINUTES);
  }

  private static double pct(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
  }
}
