package fr.aiguillage.privacy;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest extends ApiTest {

  /** Some activity: logins, creations (audited in their transaction), reads (audited in groups). */
  void someActivity(String login) {
    String coordinator = coordinatorOf(login, THAU);
    String id = http.post("/api/v1/professionals", coordinator, Fixtures.aGpInSete()).bodyAsJsonObject()
        .getString("id");
    http.get("/api/v1/professionals/" + id, coordinator);
    http.post("/api/v1/patients", coordinator, Fixtures.aPatientInSete());
  }

  JsonObject verify() {
    var response = http.get("/api/v1/audit/verify", server.adminToken());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  @Test
  @DisplayName("after ordinary activity the chain is intact, every row checked")
  void intact() {
    someActivity("chain-intact");
    JsonObject report = verify();
    assertThat(report.getBoolean("intact")).isTrue();
    // the verification's own row is written after its walk
    assertThat(report.getLong("checkedRows")).isEqualTo(server.count("SELECT count(*) FROM audit_event") - 1)
        .isGreaterThan(5);
    assertThat(report.getValue("firstBroken")).isNull();
  }

  @Test
  @DisplayName("only an administrator verifies the chain")
  void adminOnly() {
    assertProblem(http.get("/api/v1/audit/verify", coordinatorOf("chain-not-admin", THAU)), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("the application itself cannot change an audit row: the database refuses")
  void appendOnly() {
    someActivity("chain-append-only");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
        server.execute("UPDATE audit_event SET action = 'nothing' WHERE id = (SELECT min(id) FROM audit_event)")))
        .hasStackTraceContaining("append-only");
  }

  @Test
  @DisplayName("80 concurrent transactions writing audit rows leave every chain gapless and intact")
  void concurrentWriters() {
    String coordinator = coordinatorOf("chain-rush", THAU);
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(80));
    List<Future<HttpResponse<Buffer>>> writes = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      writes.add(client.post("/api/v1/patients").bearerTokenAuthentication(coordinator)
          .sendJsonObject(Fixtures.aPatientInSete()));
    }
    Await.result(Future.all(writes));
    assertThat(writes).allSatisfy(w -> assertThat(w.result().statusCode()).isEqualTo(201));
    assertThat(verify().getBoolean("intact")).isTrue();
    assertThat(server.count("SELECT count(*) FROM (SELECT chain FROM audit_event GROUP BY chain"
        + " HAVING max(chain_seq) - min(chain_seq) + 1 <> count(*)) gaps")).isZero();
  }

  @Nested
  @DisplayName("after someone edits rows directly in SQL")
  class Tampered extends ApiTest {

    @Test
    @DisplayName("a row whose content was changed is reported as the first broken link, by its id")
    void editedRow() {
      someActivityHere("chain-edited");
      long victim = server.count("SELECT id FROM audit_event ORDER BY id OFFSET 3 LIMIT 1");
      tamperHere("UPDATE audit_event SET account_id = NULL WHERE id = " + victim);
      JsonObject report = http.get("/api/v1/audit/verify", server.adminToken()).bodyAsJsonObject();
      assertThat(report.getBoolean("intact")).isFalse();
      assertThat(report.getJsonObject("firstBroken").getLong("id")).isEqualTo(victim);
      assertThat(report.getJsonObject("firstBroken").getString("reason")).isEqualTo("ROW_ALTERED");
    }

    void someActivityHere(String login) {
      String coordinator = coordinatorOf(login, THAU);
      http.post("/api/v1/patients", coordinator, Fixtures.aPatientInSete());
      http.post("/api/v1/patients", coordinator, Fixtures.aPatientInSete());
    }

    /** Changes a row behind the application's back, as someone with the database's superuser rights could. */
    void tamperHere(String sql) {
      server.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
      server.execute(sql);
      server.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
    }
  }

  @Nested
  @DisplayName("after someone removes a row in the middle of a chain")
  class Removed extends ApiTest {

    @Test
    @DisplayName("the row after the gap is reported, with ROWS_MISSING")
    void removedRow() {
      String coordinator = coordinatorOf("chain-removed", THAU);
      for (int i = 0; i < 3; i++) {
        http.post("/api/v1/patients", coordinator, Fixtures.aPatientInSete());
      }
      long victim = server.count("SELECT id FROM audit_event e WHERE EXISTS (SELECT 1 FROM audit_event n"
          + " WHERE n.chain = e.chain AND n.chain_seq = e.chain_seq + 1) ORDER BY id LIMIT 1");
      long next = server.count("SELECT n.id FROM audit_event e JOIN audit_event n ON n.chain = e.chain"
          + " AND n.chain_seq = e.chain_seq + 1 WHERE e.id = " + victim);
      server.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
      server.execute("DELETE FROM audit_event WHERE id = " + victim);
      server.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
      JsonObject broken = http.get("/api/v1/audit/verify", server.adminToken()).bodyAsJsonObject()
          .getJsonObject("firstBroken");
      assertThat(broken.getString("reason")).isEqualTo("ROWS_MISSING");
      assertThat(broken.getLong("id")).isEqualTo(next);
    }
  }
}
