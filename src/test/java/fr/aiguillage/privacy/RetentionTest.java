package fr.aiguillage.privacy;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest extends ApiTest {

  /** Sessions outlive the clock's moves; small batches, so a run takes several. */
  static final Map<String, String> SETTINGS = Map.of("AIGUILLAGE_AUTH_TOKEN_HOURS", "1000000",
      "AIGUILLAGE_RETENTION_BATCH_SIZE", "7");

  private String admin;
  private String coordinator;
  private PatientHistory history;

  @Override
  protected Map<String, String> settings() {
    return SETTINGS;
  }

  @BeforeAll
  void aClosedHistoryThenThreeYearsPass() {
    admin = server.adminToken();
    coordinator = coordinatorOf("retention-coordinator", THAU);
    history = PatientHistory.of(server, coordinator, PatientHistory.operatorOf(server, "retention-operator"), true);
  }

  static Map<String, Long> byKind(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    Map<String, Long> counts = new java.util.HashMap<>();
    response.bodyAsJsonObject().getJsonArray("kinds")
        .forEach(k -> counts.put(((JsonObject) k).getString("kind"), ((JsonObject) k).getLong("count")));
    return counts;
  }

  long rows(String table) {
    return server.count("SELECT count(*) FROM " + table);
  }

  @Test
  @DisplayName("records past their time are previewed by kind, then removed; their counts stay, per day and territory")
  void pastTheirTime() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    assertThat(byKind(http.get("/api/v1/privacy/retention", coordinator)))
        .containsEntry("CALL", 0L).containsEntry("APPOINTMENT", 0L).containsEntry("WAITLIST", 0L);
    server.clock.set(Instant.parse("2028-12-01T09:00:00Z"));
    assertThat(byKind(http.get("/api/v1/privacy/retention", coordinator))).containsEntry("CALL", 1L)
        .containsEntry("TRIAGE", 1L).containsEntry("APPOINTMENT", 1L).containsEntry("WAITLIST", 1L)
        .containsEntry("AUDIT", 0L);
    assertThat(byKind(http.post("/api/v1/privacy/retention/run", admin, null))).containsEntry("CALL", 1L)
        .containsEntry("TRIAGE", 1L).containsEntry("APPOINTMENT", 1L).containsEntry("WAITLIST", 1L)
        .containsEntry("PATIENT", 1L).hasEntrySatisfying("NOTIFICATION", removed -> assertThat(removed).isPositive());
    assertThat(rows("notification")).isZero();
    assertThat(server.count("SELECT count(*) FROM patient WHERE id = '" + history.patientId + "'")).isZero();
    assertThat(server.count("SELECT count(*) FROM call WHERE id = '" + history.callId + "'")).isZero();
    assertThat(server.count("SELECT count(*) FROM appointment WHERE id = '" + history.appointmentId + "'"))
        .isZero();
    assertThat(server.count("SELECT removed FROM retention_count WHERE day = '2026-11-23' AND territory_id = '"
        + THAU + "' AND kind = 'CALL'")).isEqualTo(1);
    assertThat(server.count("SELECT removed FROM retention_count WHERE day = '2026-11-24' AND territory_id = '"
        + THAU + "' AND kind = 'APPOINTMENT' AND category = 'BOOKED'")).isEqualTo(1);
    assertThat(server.count("SELECT removed FROM retention_count WHERE kind = 'WAITLIST' AND category = 'MOVED_AWAY'"))
        .isEqualTo(1);
    assertThat(byKind(http.post("/api/v1/privacy/retention/run", admin, null)).values()).containsOnly(0L);
    assertThat(server.count("SELECT sum(removed) FROM retention_count WHERE kind = 'CALL'")).isEqualTo(1);
  }

  @Test
  @DisplayName("only administrators run the job; operators do not see the preview")
  void rights() {
    assertProblem(http.post("/api/v1/privacy/retention/run", coordinator, null), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/privacy/retention", PatientHistory.operatorOf(server, "retention-op-2")), 403,
        "FORBIDDEN");
  }

  @Nested
  @DisplayName("with a large backlog and two runs at once (two instances)")
  class TwoInstances extends ApiTest {

    @Override
    protected Map<String, String> settings() {
      return SETTINGS;
    }

    @Test
    @DisplayName("every old call is removed once and counted once, whichever run took it")
    void sharedWork() {
      server.execute("INSERT INTO call (id, territory_id, status, source, outcome, created_at, updated_at)"
          + " SELECT gen_random_uuid(), '" + THAU + "', 'ended', 'MANUAL', 'ADVICE_GIVEN',"
          + " timestamptz '2020-01-15 10:00+01' + n * interval '1 minute', now() FROM generate_series(1, 400) n");
      String admin = server.adminToken();
      WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
          .setDefaultPort(server.port()));
      var first = client.post("/api/v1/privacy/retention/run").bearerTokenAuthentication(admin).send();
      var second = client.post("/api/v1/privacy/retention/run").bearerTokenAuthentication(admin).send();
      Await.result(Future.all(first, second));
      long removed = byKind(first.result()).get("CALL") + byKind(second.result()).get("CALL");
      assertThat(removed).isEqualTo(400);
      assertThat(server.count("SELECT count(*) FROM call")).isZero();
      assertThat(server.count("SELECT sum(removed) FROM retention_count WHERE kind = 'CALL'"
          + " AND category = 'ADVICE_GIVEN' AND day = '2020-01-15'")).isEqualTo(400);
    }
  }

  @Nested
  @DisplayName("once audit rows are past their time")
  class AuditRows extends ApiTest {

    @Override
    protected Map<String, String> settings() {
      return SETTINGS;
    }

    @Test
    @DisplayName("the oldest rows go, their counts stay, and what remains of the chain still verifies")
    void auditPurged() {
      coordinatorOf("retention-audit", THAU);
      long before = server.count("SELECT count(*) FROM audit_event");
      server.clock.advance(Duration.ofDays(1100));
      var run = byKind(http.post("/api/v1/privacy/retention/run", server.adminToken(), null));
      assertThat(run.get("AUDIT")).isGreaterThanOrEqualTo(before);
      // the cutoff: the server's first instant (2026-11-23 09:00 UTC) + 1,100 days - 1,095 days
      assertThat(server.count("SELECT count(*) FROM audit_event WHERE at < '2026-11-28T09:00:00Z'")).isZero();
      assertThat(server.count("SELECT sum(removed) FROM retention_count WHERE kind = 'AUDIT'")).isEqualTo(run.get("AUDIT"));
      JsonObject report = http.get("/api/v1/audit/verify", server.adminToken()).bodyAsJsonObject();
      assertThat(report.getBoolean("intact")).as(report.encode()).isTrue();
    }
  }
}
