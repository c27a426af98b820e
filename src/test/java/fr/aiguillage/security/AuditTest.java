package fr.aiguillage.security;

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
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static fr.aiguillage.support.Fixtures.BERANGE;
import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTest extends ApiTest {

  private List<JsonObject> audit(String token, String query) {
    var response = http.get("/api/v1/audit?limit=1000" + query, token);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
  }

  private static boolean has(List<JsonObject> rows, String action, String entityId, String outcome) {
    return rows.stream().anyMatch(r -> r.getString("action").equals(action)
        && (entityId == null || entityId.equals(r.getString("entityId"))) && r.getString("outcome").equals(outcome));
  }

  @Test
  @DisplayName("every write and every read of a professional's contact data leaves a row with who, what and where")
  void directoryRows() {
    String coordinator = coordinatorOf("audit-coordinator", THAU);
    String id = http.post("/api/v1/professionals", coordinator, Fixtures.aGpInSete()).bodyAsJsonObject()
        .getString("id");
    http.get("/api/v1/professionals/" + id, coordinator);
    http.get("/api/v1/professionals?limit=5", coordinator);
    http.patch("/api/v1/professionals/" + id, coordinator, new JsonObject().put("mtCapacity", 3));
    http.delete("/api/v1/professionals/" + id, coordinator);
    List<JsonObject> rows = audit(server.adminToken(), "&entityType=professional");
    for (String action : List.of("professional.create", "professional.read", "professional.update",
        "professional.deactivate")) {
      assertThat(has(rows, action, id, "SUCCESS")).as(action).isTrue();
    }
    assertThat(has(rows, "professional.list", null, "SUCCESS")).isTrue();
    JsonObject create = rows.stream().filter(r -> r.getString("action").equals("professional.create")
        && id.equals(r.getString("entityId"))).findFirst().orElseThrow();
    assertThat(create.getString("territoryId")).isEqualTo(THAU);
    assertThat(create.getString("accountId")).isNotBlank();
    assertThat(create.getString("clientIp")).isNotBlank();
    assertThat(create.getString("at")).isNotBlank();
  }

  @Test
  @DisplayName("reads arriving together are written together, each one recorded before it is answered")
  void concurrentReads() {
    String coordinator = coordinatorOf("audit-rush-coordinator", THAU);
    String id = http.post("/api/v1/professionals", coordinator, Fixtures.aGpInSete()).bodyAsJsonObject()
        .getString("id");
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(60));
    List<Future<HttpResponse<Buffer>>> reads = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      reads.add(client.get("/api/v1/professionals/" + id).bearerTokenAuthentication(coordinator).send());
    }
    Await.result(Future.all(reads));
    assertThat(reads).allSatisfy(r -> assertThat(r.result().statusCode()).isEqualTo(200));
    long recorded = audit(server.adminToken(), "&entityType=professional").stream()
        .filter(r -> r.getString("action").equals("professional.read") && id.equals(r.getString("entityId")))
        .count();
    assertThat(recorded).isEqualTo(60);
  }

  @Test
  @DisplayName("logins, account creations and refused accesses are recorded too")
  void securityRows() {
    http.post("/api/v1/auth/login", null, new JsonObject().put("login", "admin").put("password", "wrong-password"));
    String operator = server.tokenFor("audit-operator", List.of("OPERATOR"), List.of(THAU), null);
    http.post("/api/v1/professionals", operator, Fixtures.aGpInSete());
    List<JsonObject> rows = audit(server.adminToken(), "");
    assertThat(has(rows, "auth.login", null, "DENIED")).isTrue();
    assertThat(has(rows, "auth.login", null, "SUCCESS")).isTrue();
    assertThat(has(rows, "account.create", null, "SUCCESS")).isTrue();
    assertThat(has(rows, "POST /api/v1/professionals", null, "DENIED")).isTrue();
  }

  @Test
  @DisplayName("a coordinator reads only their territories' rows; an operator may not read the trail")
  void scoping() {
    createProfessional(Fixtures.aProfessional("NURSE", Fixtures.MAUGUIO));
    String coordinator = coordinatorOf("audit-thau-only", THAU);
    List<JsonObject> rows = audit(coordinator, "");
    assertThat(rows).isNotEmpty().allMatch(r -> THAU.equals(r.getString("territoryId")));
    assertThat(audit(server.adminToken(), "").stream().anyMatch(r -> BERANGE.equals(r.getString("territoryId"))))
        .isTrue();
    String operator = server.tokenFor("audit-no-read", List.of("OPERATOR"), List.of(THAU), null);
    assertProblem(http.get("/api/v1/audit", operator), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("filters by time range and account")
  void filters() {
    String token = server.tokenFor("audit-filter", List.of("COORDINATOR"), List.of(THAU), null);
    String accountId = http.get("/api/v1/me", token).bodyAsJsonObject().getString("id");
    http.post("/api/v1/professionals", token, Fixtures.aGpInSete());
    List<JsonObject> mine = audit(server.adminToken(), "&accountId=" + accountId);
    assertThat(mine).isNotEmpty().allMatch(r -> accountId.equals(r.getString("accountId")));
    assertThat(audit(server.adminToken(), "&to=2000-01-01T00:00:00Z")).isEmpty();
    assertInvalidField(http.get("/api/v1/audit?from=yesterday", server.adminToken()), "from");
  }

  @Test
  @DisplayName("the database refuses to change or delete an audit row")
  void appendOnly() throws SQLException {
    server.adminToken();
    try (var c = DriverManager.getConnection(server.db.jdbcUrl(), server.db.user(), server.db.password())) {
      assertThatThrownBy(() -> c.createStatement().executeUpdate("UPDATE audit_event SET action = 'x'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> c.createStatement().executeUpdate("DELETE FROM audit_event"))
          .hasMessageContaining("append-only");
    }
  }
}
