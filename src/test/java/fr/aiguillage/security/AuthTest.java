package fr.aiguillage.security;

import fr.aiguillage.support.ApiTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthTest extends ApiTest {

  private JsonObject credentials(String login, String password) {
    return new JsonObject().put("login", login).put("password", password);
  }

  @Test
  @DisplayName("a good login returns a token, its expiry 12 hours later, and the account")
  void login() {
    server.tokenFor("op-login", List.of("OPERATOR"), List.of("bassin-de-thau"), null);
    var response = http.post("/api/v1/auth/login", null, credentials("op-login", "password-of-op-login"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("token")).hasSizeGreaterThanOrEqualTo(22);
    assertThat(OffsetDateTime.parse(body.getString("expiresAt")).toInstant())
        .isEqualTo(server.clock.instant().plus(Duration.ofHours(12)));
    JsonObject account = body.getJsonObject("account");
    assertThat(account.getString("login")).isEqualTo("op-login");
    assertThat(account.getJsonArray("roles").getList()).containsExactly("OPERATOR");
    assertThat(account.getJsonArray("territories").getList()).containsExactly("bassin-de-thau");
    assertThat(account.getString("id")).isNotBlank();
    assertThat(body.encode()).doesNotContain("password");
  }

  @Test
  @DisplayName("a wrong password and an unknown login get the same 401 answer")
  void wrongCredentials() {
    var wrongPassword = http.post("/api/v1/auth/login", null, credentials("admin", "not-the-password"));
    var unknownLogin = http.post("/api/v1/auth/login", null, credentials("nobody-here", "not-the-password"));
    JsonObject a = assertProblem(wrongPassword, 401, "UNAUTHORIZED");
    JsonObject b = assertProblem(unknownLogin, 401, "UNAUTHORIZED");
    a.remove("requestId"); // each answer names its own request
    b.remove("requestId");
    assertThat(a).isEqualTo(b);
  }

  @Test
  @DisplayName("a login without password is a 400 naming the field")
  void missingPassword() {
    assertInvalidField(http.post("/api/v1/auth/login", null, new JsonObject().put("login", "admin")), "password");
  }

  @Test
  @DisplayName("the token is stored only as a hash")
  void tokenStoredAsHash() throws Exception {
    String token = http.login("admin", "admin-password-for-tests");
    try (var c = DriverManager.getConnection(server.db.jdbcUrl(), server.db.user(), server.db.password());
         var rs = c.createStatement().executeQuery("SELECT encode(token_hash, 'hex') AS h FROM session")) {
      int sessions = 0;
      while (rs.next()) {
        sessions++;
        assertThat(rs.getString("h")).doesNotContain(token).hasSize(64);
      }
      assertThat(sessions).isPositive();
    }
  }

  @Test
  @DisplayName("GET /me returns the token's account; logout revokes the token")
  void meAndLogout() {
    String token = server.tokenFor("op-logout", List.of("OPERATOR"), List.of("bassin-de-thau"), null);
    var me = http.get("/api/v1/me", token);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.bodyAsJsonObject().getString("login")).isEqualTo("op-logout");
    assertThat(http.post("/api/v1/auth/logout", token, null).statusCode()).isEqualTo(204);
    assertProblem(http.get("/api/v1/me", token), 401, "UNAUTHORIZED");
  }

  @Test
  @DisplayName("no token, a malformed header or an unknown token → 401 problem+json")
  void missingOrBadToken() {
    assertProblem(http.get("/api/v1/me", null), 401, "UNAUTHORIZED");
    assertProblem(http.get("/api/v1/me", "not-a-real-token"), 401, "UNAUTHORIZED");
    var basic = http.send(io.vertx.core.http.HttpMethod.GET, "/api/v1/territories", null, null);
    assertProblem(basic, 401, "UNAUTHORIZED");
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @DisplayName("given a token issued now")
  class Expiry {

    @Test
    @DisplayName("it stops working 12 hours later")
    void expires() {
      String token = server.tokenFor("op-expiry", List.of("OPERATOR"), List.of("bassin-de-thau"), null);
      server.clock.advance(Duration.ofHours(11).plusMinutes(59));
      assertThat(http.get("/api/v1/me", token).statusCode()).isEqualTo(200);
      server.clock.advance(Duration.ofMinutes(2));
      assertProblem(http.get("/api/v1/me", token), 401, "UNAUTHORIZED");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @DisplayName("given failed attempts on one login")
  class Lockout {

    @Test
    @DisplayName("after 5 within 15 minutes, further attempts get 429, even with the right password, for 15 minutes")
    void locksFor15Minutes() {
      server.tokenFor("op-locked", List.of("OPERATOR"), List.of("bassin-de-thau"), null);
      for (int i = 0; i < 5; i++) {
        server.clock.advance(Duration.ofMinutes(2));
        assertProblem(http.post("/api/v1/auth/login", null, credentials("op-locked", "wrong-password-" + i)),
            401, "UNAUTHORIZED");
      }
      var locked = http.post("/api/v1/auth/login", null, credentials("op-locked", "password-of-op-locked"));
      assertProblem(locked, 429, "TOO_MANY_REQUESTS");
      assertThat(locked.getHeader("Retry-After")).isEqualTo("900");
      server.clock.advance(Duration.ofMinutes(14));
      assertProblem(http.post("/api/v1/auth/login", null, credentials("op-locked", "password-of-op-locked")),
          429, "TOO_MANY_REQUESTS");
      server.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
      assertThat(http.post("/api/v1/auth/login", null, credentials("op-locked", "password-of-op-locked"))
          .statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("failures spaced 4 minutes apart never hold 5 in 15 minutes, so they do not lock")
    void windowSlides() {
      server.tokenFor("op-slow", List.of("OPERATOR"), List.of("bassin-de-thau"), null);
      for (int i = 0; i < 8; i++) {
        server.clock.advance(Duration.ofMinutes(4));
        assertProblem(http.post("/api/v1/auth/login", null, credentials("op-slow", "wrong-password-" + i)),
            401, "UNAUTHORIZED");
      }
      assertThat(http.post("/api/v1/auth/login", null, credentials("op-slow", "password-of-op-slow")).statusCode())
          .isEqualTo(200);
    }
  }
}
