package fr.aiguillage.security;

import fr.aiguillage.support.ApiTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.List;

import static fr.aiguillage.support.Fixtures.BERANGE;
import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

class AccountTest extends ApiTest {

  private static JsonObject account(String login, String role, String... territories) {
    return new JsonObject().put("login", login).put("password", "a-long-enough-password")
        .put("roles", new JsonArray().add(role)).put("territories", new JsonArray(List.of(territories)));
  }

  @Test
  @DisplayName("an admin creates an account: 201, Location, and no password in the answer")
  void adminCreates() {
    var response = http.post("/api/v1/accounts", server.adminToken(), account("op-one", "OPERATOR", THAU));
    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(response.getHeader("Location")).isEqualTo("/api/v1/accounts/" + body.getString("id"));
    assertThat(body.getString("login")).isEqualTo("op-one");
    assertThat(body.encode()).doesNotContain("password");
    assertThat(http.login("op-one", "a-long-enough-password")).isNotBlank();
  }

  @Test
  @DisplayName("passwords are stored as PBKDF2 hashes, never in clear")
  void passwordHashed() throws Exception {
    http.post("/api/v1/accounts", server.adminToken(), account("op-hash", "OPERATOR", THAU));
    try (var c = DriverManager.getConnection(server.db.jdbcUrl(), server.db.user(), server.db.password());
         var rs = c.createStatement().executeQuery("SELECT password_hash FROM account WHERE login = 'op-hash'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("$pbkdf2$").doesNotContain("a-long-enough-password");
    }
  }

  @Test
  @DisplayName("a coordinator creates accounts within their own territories")
  void coordinatorWithinTerritories() {
    String coordinator = coordinatorOf("coord-thau", THAU);
    assertThat(http.post("/api/v1/accounts", coordinator, account("op-two", "OPERATOR", THAU)).statusCode())
        .isEqualTo(201);
  }

  @Test
  @DisplayName("a coordinator can never grant ADMIN nor another territory: 403")
  void coordinatorLimits() {
    String coordinator = coordinatorOf("coord-limits", THAU);
    assertProblem(http.post("/api/v1/accounts", coordinator, account("x-admin", "ADMIN", THAU)), 403, "FORBIDDEN");
    assertProblem(http.post("/api/v1/accounts", coordinator, account("x-other", "OPERATOR", BERANGE)),
        403, "FORBIDDEN");
  }

  @Test
  @DisplayName("an operator, a professional or an orienter cannot create accounts: 403")
  void othersForbidden() {
    for (String role : List.of("OPERATOR", "PROFESSIONAL", "ORIENTER")) {
      String token = server.tokenFor("who-" + role.toLowerCase(), List.of(role), List.of(THAU), null);
      assertProblem(http.post("/api/v1/accounts", token, account("x-" + role.toLowerCase(), "OPERATOR", THAU)),
          403, "FORBIDDEN");
    }
  }

  @Test
  @DisplayName("a password under 12 characters is a 400 naming password")
  void shortPassword() {
    assertInvalidField(http.post("/api/v1/accounts", server.adminToken(),
        account("op-short", "OPERATOR", THAU).put("password", "short")), "password");
  }

  @Test
  @DisplayName("a taken login is a 409 DUPLICATE_LOGIN")
  void duplicateLogin() {
    http.post("/api/v1/accounts", server.adminToken(), account("op-dup", "OPERATOR", THAU));
    assertProblem(http.post("/api/v1/accounts", server.adminToken(), account("op-dup", "OPERATOR", THAU)),
        409, "DUPLICATE_LOGIN");
  }

  @Test
  @DisplayName("an unknown territory, role or professional is a 400 naming the field")
  void unknownReferences() {
    assertInvalidField(http.post("/api/v1/accounts", server.adminToken(), account("op-terr", "OPERATOR", "atlantis")),
        "territories");
    assertInvalidField(http.post("/api/v1/accounts", server.adminToken(), account("op-role", "CAPTAIN", THAU)),
        "roles[0]");
    assertInvalidField(http.post("/api/v1/accounts", server.adminToken(), account("op-pro", "PROFESSIONAL", THAU)
        .put("professionalId", "00000000-0000-0000-0000-000000000000")), "professionalId");
  }
}
