package fr.aiguillage.security;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/accounts, POST /api/v1/accounts/{id}/deactivate and /password-reset, by a coordinator. */
class AccountAdministrationTest extends ApiTest {

  private String coordinator;

  @BeforeAll
  void aCoordinatorOfThau() {
    coordinator = coordinatorOf("coordination-comptes", Fixtures.THAU);
  }

  private String idOf(String login) {
    return http.get("/api/v1/accounts", coordinator).bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(a -> a.getString("login").equals(login)).findFirst().orElseThrow()
        .getString("id");
  }

  private JsonObject login(String login, String password) {
    return new JsonObject().put("login", login).put("password", password);
  }

  @Test
  @DisplayName("a coordinator lists the accounts of their territories, not those of another territory")
  void listsOnlyTheirTerritories() {
    server.tokenFor("operatrice-liste", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    server.tokenFor("operatrice-ailleurs", List.of("OPERATOR"), List.of(Fixtures.BERANGE), null);
    var response = http.get("/api/v1/accounts", coordinator);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    var logins = response.bodyAsJsonObject().getJsonArray("items").stream()
        .map(a -> ((JsonObject) a).getString("login")).toList();
    assertThat(logins).contains("operatrice-liste", "coordination-comptes").doesNotContain("operatrice-ailleurs");
    assertThat(response.bodyAsString()).doesNotContain("hash").doesNotContain("password-of");
  }

  @Test
  @DisplayName("a deactivated account loses its session at once and can no longer sign in")
  void deactivatedAccountIsLockedOut() {
    String token = server.tokenFor("operatrice-partie", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    assertThat(http.get("/api/v1/me", token).statusCode()).isEqualTo(200);
    var response = http.post("/api/v1/accounts/" + idOf("operatrice-partie") + "/deactivate", coordinator, null);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getBoolean("active")).isFalse();
    assertProblem(http.get("/api/v1/me", token), 401, "UNAUTHORIZED");
    assertThat(http.post("/api/v1/auth/login", null,
        login("operatrice-partie", TestServer.passwordOf("operatrice-partie"))).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("a reset password ends the sessions, the old password stops working and the new one must be changed at sign-in")
  void resetPasswordMustBeChanged() {
    String token = server.tokenFor("operateur-oublieux", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    assertThat(http.get("/api/v1/me", token).statusCode()).isEqualTo(200);
    var response = http.post("/api/v1/accounts/" + idOf("operateur-oublieux") + "/password-reset", coordinator,
        new JsonObject().put("password", "provisoire-tres-longue-2026"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getBoolean("mustChangePassword")).isTrue();
    assertProblem(http.get("/api/v1/me", token), 401, "UNAUTHORIZED");
    assertThat(http.post("/api/v1/auth/login", null,
        login("operateur-oublieux", TestServer.passwordOf("operateur-oublieux"))).statusCode()).isEqualTo(401);
    var fresh = http.post("/api/v1/auth/login", null, login("operateur-oublieux", "provisoire-tres-longue-2026"));
    assertThat(fresh.statusCode()).as(fresh.bodyAsString()).isEqualTo(200);
    assertProblem(http.get("/api/v1/calls", fresh.bodyAsJsonObject().getString("token")), 403,
        "PASSWORD_CHANGE_REQUIRED");
  }

  @Test
  @DisplayName("a too short or common temporary password is refused beside the field password")
  void weakTemporaryPasswordIsRefused() {
    server.tokenFor("operatrice-faible", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    String id = idOf("operatrice-faible");
    assertInvalidField(http.post("/api/v1/accounts/" + id + "/password-reset", coordinator,
        new JsonObject().put("password", "court")), "password");
    assertInvalidField(http.post("/api/v1/accounts/" + id + "/password-reset", coordinator,
        new JsonObject().put("password", "operatrice-faible")), "password");
  }

  @Test
  @DisplayName("a coordinator may not act on another territory's account, on an administrator, or on their own account")
  void coordinatorsLimits() {
    String other = server.tokenFor("operatrice-voisine", List.of("OPERATOR"), List.of(Fixtures.BERANGE), null);
    String otherId = http.get("/api/v1/me", other).bodyAsJsonObject().getString("id");
    var refused = http.post("/api/v1/accounts/" + otherId + "/deactivate", coordinator, null);
    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(403);
    String adminId = http.get("/api/v1/me", server.adminToken()).bodyAsJsonObject().getString("id");
    assertThat(http.post("/api/v1/accounts/" + adminId + "/deactivate", coordinator, null).statusCode()).isEqualTo(403);
    String ownId = http.get("/api/v1/me", coordinator).bodyAsJsonObject().getString("id");
    assertProblem(http.post("/api/v1/accounts/" + ownId + "/deactivate", coordinator, null), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("an operator may neither list nor deactivate accounts")
  void operatorsDoNotManageAccounts() {
    String operator = server.tokenFor("operateur-curieux", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    assertProblem(http.get("/api/v1/accounts", operator), 403, "FORBIDDEN");
    assertProblem(http.post("/api/v1/accounts/" + idOf("coordination-comptes") + "/deactivate", operator, null), 403,
        "FORBIDDEN");
  }
}
