package fr.aiguillage.fuzz;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract-driven fuzzer (issues 18 and 21). It reads openapi.yaml, so every operation, including ones added
 * later, is covered without a line here: real records are created first (their ids are learnt from the answers),
 * then each operation gets a valid request and its mutations (path, query, headers, content types, broken
 * bodies, and every body field replaced by hostile values, removed, or joined by an unknown one), sent with a
 * coordinator's token, an admin's, a garbage token or none. Any 5xx, any 4xx that is not problem+json, any
 * request left unanswered, any blocked-thread warning or unexpected-failure entry in the service's log fails the
 * run; the findings are printed one line per operation and kind, with the first request that showed it.
 * The seed is {@code -Dfuzz.seed=N} (printed), the budget {@code -Dfuzz.requests=N} (20,000 at least).
 */
class ContractFuzzTest extends ApiTest {

  private static final int PARALLEL = 12;
  private final long seed = Long.getLong("fuzz.seed", System.nanoTime() % 100_000);
  private final int budget = Integer.getInteger("fuzz.requests", 20_500);
  private final Ids ids = new Ids();
  private final Map<String, Object> knownBodies = new HashMap<>();
  private LogCapture log;
  private Vertx clientVertx;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_ICAL_FETCH_TIMEOUT_SECONDS", "2");
  }

  @AfterAll
  void closeClient() {
    if (clientVertx != null) {
      clientVertx.close();
    }
  }

  @Test
  @DisplayName("no request built from the contract, however broken, gets a 5xx, a bare 4xx or stalls the loop")
  void fuzzEveryOperation() {
    clientVertx = Vertx.vertx();
    FuzzRun run = new FuzzRun(clientVertx, server.port());
    // Read before the log is captured: parsing the contract holds the client's own event loop for a while, and its
    // blocked-thread warning would be taken for the service's.
    List<Operation> operations = operations();
    log = new LogCapture();
    try {
      seedRecords(run);
      long started = System.nanoTime();
      Random random = new Random(seed);
      RequestFactory factory = new RequestFactory(ids, knownBodies, finishers(), random);
      Map<String, List<FuzzRequest>> plan = plan(operations, factory, random);
      for (Operation op : operations) {
        String coordinator = server.tokenFor("fuzz-" + op.id().toLowerCase() + "-" + seed, List.of("COORDINATOR"),
            List.of(Fixtures.THAU, Fixtures.BERANGE), null);
        String admin = server.adminToken();
        List<FuzzRequest> planned = plan.get(op.id());
        List<FuzzRequest> requests = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
          // An event stream with a valid token is held open until the read deadline (FuzzRun), so only one request
          // in five carries one; the others try a garbage token or none.
          String token = op.streams() ? streamToken(i, coordinator) : tokenFor(i, coordinator, admin);
          FuzzRequest r = planned.get(i);
          requests.add(token == null || r.headers().containsKey("Authorization") ? r
              : withHeader(r, "Authorization", "Bearer " + token));
        }
        long before = System.nanoTime();
        run.send(requests, r -> null, PARALLEL, answered -> learn(op, answered));
        System.out.printf("fuzz %-28s %5d requests %6d ms%n", op.id(), requests.size(),
            (System.nanoTime() - before) / 1_000_000);
      }
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      report(run, operations.size(), seconds);
      assertThat(run.sent.get()).isGreaterThanOrEqualTo(20_000);
      assertThat(run.count("5xx")).as("5xx answers").isZero();
      assertThat(run.count("non-problem 4xx")).as("4xx answers that are not problem+json").isZero();
      assertThat(run.count("no answer")).as("requests left without an answer").isZero();
      assertThat(log.blockedThreadWarnings()).as("blocked-thread warnings").isEmpty();
      assertThat(log.unexpectedFailures()).as("unexpected-failure log entries").isEmpty();
    } finally {
      log.close();
    }
  }

  private static String streamToken(int index, String coordinator) {
    return index % 5 == 0 ? coordinator : index % 5 < 3 ? "garbage-stream" : null;
  }

  /** 60 % coordinator, 10 % admin, 20 % garbage token, 10 % none; the first three requests are the baseline's. */
  private static String tokenFor(int index, String coordinator, String admin) {
    if (index < 3) {
      return index == 0 ? coordinator : index == 1 ? "garbage-baseline" : null;
    }
    int slot = index % 10;
    return slot < 6 ? coordinator : slot == 6 ? admin : slot < 9 ? "garbage-" + index : null;
  }

  private List<Operation> operations() {
    JsonObject contract = OpenAPIContract.from(clientVertx, "openapi.yaml").await().getRawContract();
    List<Operation> all = new ArrayList<>(Operation.all(contract));
    // Deletions last, so the records the other operations name still exist while they are fuzzed.
    all.sort((a, b) -> Boolean.compare("DELETE".equals(a.method()), "DELETE".equals(b.method())));
    return all;
  }

  /** Every mutation of every operation, thinned evenly when there are more than the budget needs. */
  private Map<String, List<FuzzRequest>> plan(List<Operation> operations, RequestFactory factory, Random random) {
    Map<String, List<FuzzRequest>> all = new HashMap<>();
    int total = 0;
    for (Operation op : operations) {
      List<FuzzRequest> requests = factory.all(op);
      FuzzRequest baseline = requests.get(0);
      requests.add(1, baseline);
      requests.add(2, baseline);
      all.put(op.id(), requests);
      total += requests.size();
    }
    double keep = Math.min(1.0, (double) budget / total);
    for (List<FuzzRequest> requests : all.values()) {
      List<FuzzRequest> head = new ArrayList<>(requests.subList(0, 3));
      List<FuzzRequest> rest = new ArrayList<>(requests.subList(3, requests.size()));
      Collections.shuffle(rest, random);
      head.addAll(rest.subList(0, (int) Math.ceil(rest.size() * keep)));
      requests.clear();
      requests.addAll(head);
    }
    while (all.values().stream().mapToInt(List::size).sum() < budget) {
      all.values().forEach(requests -> requests.addAll(new ArrayList<>(requests)));
    }
    return all;
  }

  private void learn(Operation op, FuzzRun.Answered answered) {
    if (answered.status() >= 200 && answered.status() < 300 && answered.type() != null
        && answered.type().startsWith("application/json") && answered.body().length() > 0) {
      try {
        ids.learn(op.createdKind(), answered.body().toJson());
      } catch (RuntimeException notJson) {
        // a 2xx that is not JSON names no record
      }
    }
  }

  private void report(FuzzRun run, int operations, long seconds) {
    StringBuilder out = new StringBuilder("\n=== Contract fuzz: seed ").append(seed).append(" ===\n")
        .append("operations: ").append(operations).append("\n")
        .append("requests sent: ").append(run.sent.get()).append(" in ").append(seconds).append(" s\n")
        .append("answers by status (0: event stream held open): ").append(run.statuses()).append("\n")
        .append("5xx: ").append(run.count("5xx")).append("\n")
        .append("non-problem 4xx: ").append(run.count("non-problem 4xx")).append("\n")
        .append("no answer: ").append(run.count("no answer")).append("\n")
        .append("blocked-thread warnings: ").append(log.blockedThreadWarnings().size()).append("\n")
        .append("unexpected-failure log entries: ").append(log.unexpectedFailures().size()).append("\n")
        .append("slowest answer: ").append(run.slowest.get()).append(" ms, ").append(cut(run.slowestRequest))
        .append("\n");
    run.findings.forEach((key, f) -> out.append("FINDING ").append(key).append(" x")
        .append(run.findingCounts.get(key)).append(": ").append(cut(f.request())).append(" -> ")
        .append(cut(f.answer())).append("\n"));
    log.blockedThreadWarnings().stream().limit(5).forEach(l -> out.append("BLOCKED ").append(cut(l)).append("\n"));
    log.unexpectedFailures().stream().limit(20).forEach(l -> out.append("LOGGED ").append(cut(l)).append("\n"));
    System.out.println(out);
  }

  private static String cut(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }

  /** Real records, created through the API the way a coordinator would; their bodies seed the baselines. */
  private void seedRecords(FuzzRun run) {
    String admin = server.adminToken();
    String coordinator = coordinatorOf("fuzz-seed", Fixtures.THAU, Fixtures.BERANGE);
    JsonObject gp = seed(run, "createProfessional", "/api/v1/professionals", admin, Fixtures.aGpInSete());
    String gpId = gp.getString("id");
    String siteId = gp.getJsonArray("sites").getJsonObject(0).getString("id");
    seed(run, "createSlot", "/api/v1/professionals/" + gpId + "/slots", coordinator,
        Fixtures.aSlot(gp, "2026-11-24T10:00:00+01:00", "2026-11-24T10:20:00+01:00"));
    JsonObject slot = seed(run, "createSlot", "/api/v1/professionals/" + gpId + "/slots", coordinator,
        Fixtures.aSlot(gp, "2026-11-24T11:00:00+01:00", "2026-11-24T11:20:00+01:00"));
    seed(run, "createRule", "/api/v1/professionals/" + gpId + "/availability-rules", coordinator,
        new JsonObject().put("siteId", siteId).put("kind", "SNP").put("rrule", "FREQ=WEEKLY;BYDAY=WE")
            .put("startTime", "14:00").put("endTime", "15:00").put("slotMinutes", 20)
            .put("validFrom", "2026-11-25").put("exdates", new JsonArray()));
    JsonObject patient = seed(run, "createPatient", "/api/v1/patients", coordinator, Fixtures.aPatientInSete());
    JsonObject call = seed(run, "createCall", "/api/v1/calls", coordinator, new JsonObject()
        .put("territoryId", Fixtures.THAU).put("caller", "06 11 11 11 11").put("note", "Appel de test"));
    seed(run, "triage", "/api/v1/triage", coordinator, new JsonObject().put("callId", call.getString("id"))
        .put("patientId", patient.getString("id")).put("age", 34).put("sex", "F").put("complaint", "OTHER")
        .put("answers", new JsonObject()));
    seed(run, "book", "/api/v1/appointments", coordinator, new JsonObject().put("slotId", slot.getString("id"))
        .put("patientId", patient.getString("id")).put("reason", "Fièvre depuis 2 jours"));
    seed(run, "reportWaitlist", "/api/v1/waitlist", coordinator, new JsonObject().put("patient",
        Fixtures.aPatientInSete().put("phone", "06 22 33 44 55")).put("source", "PROFESSIONAL")
        .put("notes", "Suivi à organiser"));
    seed(run, "issueCalendarFeed", "/api/v1/professionals/" + gpId + "/calendar-feed", coordinator, null);
    seed(run, "createAccount", "/api/v1/accounts", admin, new JsonObject().put("login", "fuzz-login")
        .put("password", "password-of-fuzz-login").put("roles", new JsonArray().add("OPERATOR"))
        .put("territories", new JsonArray().add(Fixtures.THAU)));
    knownBodies.put("login", new JsonObject().put("login", "fuzz-login").put("password", "password-of-fuzz-login"));
    knownBodies.put("telephonyEvent", new JsonObject().put("callId", "fuzz-call-1").put("event", "RINGING")
        .put("from", "+33611111111").put("to", "+33499000001").put("at", "2026-11-23T09:00:00Z"));
    knownBodies.put("importAvailability", String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
        "PRODID:-//Fuzz//FR", "BEGIN:VEVENT", "UID:fuzz@cabinet", "DTSTAMP:20261120T080000Z", "SUMMARY:SNP",
        "DTSTART;TZID=Europe/Paris:20261126T140000", "DTEND;TZID=Europe/Paris:20261126T150000",
        "RRULE:FREQ=WEEKLY;COUNT=3", "END:VEVENT", "END:VCALENDAR", ""));
  }

  private JsonObject seed(FuzzRun run, String operationId, String path, String token, JsonObject body) {
    var answered = run.sendOne(new FuzzRequest(operationId, "seed", "POST", path,
        body == null ? Map.of() : Map.of("Content-Type", "application/json"),
        body == null ? null : body.toBuffer(), false), token);
    assertThat(answered).as(operationId).isNotNull();
    assertThat(answered.status()).as(operationId + ": " + answered.body()).isBetween(200, 299);
    JsonObject created = answered.body().toJsonObject();
    ids.learn(new Operation(operationId, "POST", path, List.of(), null, null, false, false).createdKind(), created);
    if (body != null) {
      knownBodies.put(operationId, body);
    }
    return created;
  }

  /** What the contract cannot say: the telephony webhook is signed, a calendar upload is text/calendar. */
  private Map<String, UnaryOperator<FuzzRequest>> finishers() {
    return Map.of("telephonyEvent", this::signed, "importAvailability", r -> withHeader(r, "Content-Type",
        "text/plain".equals(r.headers().get("Content-Type")) ? "text/calendar" : r.headers().get("Content-Type")));
  }

  private FuzzRequest signed(FuzzRequest r) {
    String timestamp = Long.toString(server.clock.instant().getEpochSecond());
    String raw = r.body() == null ? "" : r.body().toString(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(TestServer.TELEPHONY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + raw)
          .getBytes(StandardCharsets.UTF_8)));
      return withHeader(withHeader(r, "X-Aiguillage-Timestamp", timestamp), "X-Aiguillage-Signature", signature);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FuzzRequest withHeader(FuzzRequest r, String name, String value) {
    Map<String, String> headers = new java.util.LinkedHashMap<>(r.headers());
    if (value != null) {
      headers.put(name, value);
    }
    return new FuzzRequest(r.operationId(), r.mutation(), r.method(), r.uri(), headers, r.body(), r.streams());
  }
}
