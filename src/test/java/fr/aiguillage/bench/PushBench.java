package fr.aiguillage.bench;

import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Push requests (scripts/bench-push.sh): one request fanned out to {@code pros} professionals (the POST's time: ring
 * query, recipients, links, outbox), then {@code accepts} simultaneous accepts on {@code accepts / 2} open requests,
 * against the same number of simultaneous plain bookings on {@code accepts / 2} slots in the same run (the ceiling).
 * Arguments: pros accepts.
 */
public final class PushBench {

  public static void main(String[] args) throws Exception {
    int pros = Integer.parseInt(args[0]);
    int accepts = Integer.parseInt(args[1]);
    int requests = accepts / 2;
    try (TestServer server = TestServer.start(Map.of("AIGUILLAGE_PUSH_JOB_SECONDS", "3600",
        "AIGUILLAGE_PUSH_FIRST_RADIUS_KM", "50", "AIGUILLAGE_NOTIFY_DISPATCH_ENABLED", "false"))) {
      String coordinator = server.tokenFor("bench-coordinator", List.of("COORDINATOR"), List.of(Fixtures.THAU), null);
      String operator = server.tokenFor("bench-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
      professionals(server, pros);
      List<String> triages = new ArrayList<>();
      List<String> patients = new ArrayList<>();
      for (int i = 0; i <= requests; i++) {
        String patient = server.http.post("/api/v1/patients", coordinator, Fixtures.aPatientInSete())
            .bodyAsJsonObject().getString("id");
        patients.add(patient);
        triages.add(server.http.post("/api/v1/triage", operator, new JsonObject().put("patientId", patient)
            .put("age", 40).put("sex", "F").put("complaint", "FEVER").put("answers", new JsonObject()
                .put("temperatureC", 38.5).put("poorTolerance", true))).bodyAsJsonObject().getString("id"));
      }
      long t0 = System.nanoTime();
      HttpResponse<Buffer> first = server.http.post("/api/v1/push-requests", operator,
          new JsonObject().put("triageId", triages.get(0)));
      double fanOutMs = (System.nanoTime() - t0) / 1e6;
      if (first.statusCode() != 201) {
        throw new IllegalStateException("the fan-out request was answered " + first.statusCode() + ": "
            + first.bodyAsString());
      }
      System.out.printf("fan-out: one request to %d professionals in %.0f ms (HTTP %d)%n",
          first.bodyAsJsonObject().getJsonArray("recipients").size(), fanOutMs, first.statusCode());
      server.execute("UPDATE push_settings SET takes_requests = false");
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= requests; i++) {
        server.execute("UPDATE push_settings SET takes_requests = (professional_id IN (SELECT id FROM professional"
            + " WHERE rpps IN ('" + rpps(2 * i) + "', '" + rpps(2 * i + 1) + "')))");
        ids.add(server.http.post("/api/v1/push-requests", operator, new JsonObject().put("triageId", triages.get(i)))
            .bodyAsJsonObject().getString("id"));
      }
      List<String[]> links = links(server);
      String start = server.clock.instant().plusSeconds(5 * 3600).toString();
      double[] accept = fire(server, links.stream().map(l -> new Object[] {"/api/v1/push-links/" + l[0] + "/accept",
          null, new JsonObject().put("start", start).put("siteId", l[1])}).toList());
      List<Object[]> bookings = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        String slot = slot(server, coordinator, i);
        for (int k = 0; k < 2; k++) {
          bookings.add(new Object[] {"/api/v1/appointments", operator, new JsonObject().put("slotId", slot)
              .put("patientId", patients.get(i)).put("reason", "Fièvre")});
        }
      }
      double[] book = fire(server, bookings);
      System.out.printf("accepts: %d on %d requests, p50 %.1f ms, p99 %.1f ms (%d × 201)%n", links.size(), requests,
          pct(accept, 0.5), pct(accept, 0.99), (int) accept[accept.length - 1]);
      System.out.printf("plain bookings (ceiling): %d on %d slots, p50 %.1f ms, p99 %.1f ms (%d × 201)%n",
          bookings.size(), requests, pct(book, 0.5), pct(book, 0.99), (int) book[book.length - 1]);
      System.out.printf("accept / booking: p50 %.2f, p99 %.2f%n", pct(accept, 0.5) / pct(book, 0.5),
          pct(accept, 0.99) / pct(book, 0.99));
    }
    System.exit(0);
  }

  private static String rpps(int i) {
    String first10 = "19" + String.format("%08d", i);
    return first10 + fr.aiguillage.directory.Rpps.checkDigit(first10);
  }

  private static void professionals(TestServer server, int n) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < n + 2; i++) {
      if (i > 0) {
        values.append(',');
      }
      values.append("('").append(rpps(i)).append("', ").append(i).append(')');
    }
    server.execute("INSERT INTO professional (id, rpps, family_name, given_name, profession, phone, accepts_snp,"
        + " accepts_overbooking, mt_capacity, created_at, updated_at) SELECT gen_random_uuid(), v.r, 'Banc', 'Essai',"
        + " 'GENERAL_PRACTITIONER', '+33612' || lpad(v.i::text, 6, '0'), true, false, 0, now(), now()"
        + " FROM (VALUES " + values + ") v(r, i)");
    server.execute("INSERT INTO site (id, professional_id, name, address, commune_insee, lat, lon) SELECT"
        + " gen_random_uuid(), p.id, 'Cabinet', '1 rue du banc', c.insee, c.lat, c.lon FROM professional p, commune c"
        + " WHERE c.insee = '" + Fixtures.SETE + "' AND p.family_name = 'Banc'");
    server.execute("INSERT INTO push_settings (professional_id, takes_requests, hours, updated_at) SELECT id,"
        + " rpps < '" + rpps(n) + "', '[]', now() FROM professional WHERE family_name = 'Banc'");
  }

  /** The pending messages' links and each recipient's site (read as the SMS would carry them). */
  private static List<String[]> links(TestServer server) throws Exception {
    List<String[]> found = new ArrayList<>();
    try (var c = DriverManager.getConnection(server.db.jdbcUrl(), server.db.user(), server.db.password());
         var rs = c.createStatement().executeQuery("SELECT n.body, s.id FROM direct_notice n JOIN site s"
             + " ON s.professional_id = n.professional_id JOIN push_request r ON r.id = n.ref"
             + " WHERE n.topic = 'push.asked' AND n.status = 'pending' AND r.status = 'OPEN'"
             + " AND (SELECT count(*) FROM push_recipient x WHERE x.request_id = r.id) = 2")) {
      while (rs.next()) {
        String body = rs.getString(1);
        found.add(new String[] {body.substring(body.indexOf("/demande/") + 9).split("\\s")[0], rs.getString(2)});
      }
    }
    return found;
  }

  private static JsonObject slotOwner;

  /** A free slot of one GP, the {@code i}-th quarter of an hour from tomorrow 08:00. */
  private static String slot(TestServer server, String coordinator, int i) {
    if (slotOwner == null) {
      slotOwner = server.http.post("/api/v1/professionals", server.adminToken(), Fixtures.aGpInSete())
          .bodyAsJsonObject();
    }
    java.time.Instant start = java.time.Instant.parse("2026-11-24T07:00:00Z").plusSeconds(900L * i);
    return server.http.post("/api/v1/professionals/" + slotOwner.getString("id") + "/slots", coordinator,
        Fixtures.aSlot(slotOwner, start.toString(), start.plusSeconds(900).toString())).bodyAsJsonObject()
        .getString("id");
  }

  /** Sends all at once; returns the sorted latencies (ms), then the number of 201s as the last element. */
  private static double[] fire(TestServer server, List<Object[]> calls) {
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(calls.size()));
    double[] ms = new double[calls.size() + 1];
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      Object[] c = calls.get(i);
      long t = System.nanoTime();
      int at = i;
      var request = client.post((String) c[0]);
      if (c[1] != null) {
        request.bearerTokenAuthentication((String) c[1]);
      }
      sent.add(request.sendJsonObject((JsonObject) c[2]).onComplete(r -> ms[at] = (System.nanoTime() - t) / 1e6));
    }
    Await.result(Future.join(sent));
    Arrays.sort(ms, 0, calls.size());
    ms[calls.size()] = sent.stream().filter(f -> f.succeeded() && f.result().statusCode() == 201).count();
    return ms;
  }

  private static double pct(double[] sortedWithCount, double q) {
    int n = sortedWithCount.length - 1;
    return sortedWithCount[Math.min(n - 1, (int) Math.ceil(q * n) - 1)];
  }
}
