package fr.aiguillage.security;

import fr.aiguillage.support.ApiTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest extends ApiTest {

  private JsonObject account(String login, String password) {
    return new JsonObject().put("login", login).put("password", password)
        .put("roles", new JsonArray().add("OPERATOR")).put("territories", new JsonArray().add("bassin-de-thau"));
  }

  private JsonObject firstSignIn(String login, String password) {
    assertThat(http.post("/api/v1/accounts", server.adminToken(), account(login, password)).statusCode())
        .isEqualTo(201);
    var response = http.post("/api/v1/auth/login", null,
        new JsonObject().put("login", login).put("password", password));
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static JsonObject change(String current, String chosen) {
    return new JsonObject().put("currentPassword", current).put("newPassword", chosen);
  }

  @Test
  @DisplayName("a password from the shipped list of common passwords is refused at account creation, whatever its case")
  void commonPasswordRefused() {
    assertInvalidField(http.post("/api/v1/accounts", server.adminToken(), account("op-common", "QwertyUiop123")),
        "password");
  }

  @Test
  @DisplayName("a password of 11 characters is refused, one of 12 that is not common is accepted")
  void lengthRule() {
    assertInvalidField(http.post("/api/v1/accounts", server.adminToken(), account("op-short", "tram-sete-34")
        .put("password", "tram-sete-3")), "password");
    assertThat(http.post("/api/v1/accounts", server.adminToken(), account("op-twelve", "tram-sete-34"))
        .statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("the administrator created at first start is not asked to change a password they chose")
  void adminNotForced() {
    var response = http.post("/api/v1/auth/login", null,
        new JsonObject().put("login", "admin").put("password", "admin-password-for-tests"));
    assertThat(response.bodyAsJsonObject().getBoolean("mustChangePassword")).isFalse();
  }

  @Nested
  @DisplayName("an account created by someone else, at its first sign-in")
  class FirstSignIn {

    @Test
    @DisplayName("is told to change its password, and every other route answers 403 PASSWORD_CHANGE_REQUIRED")
    void restricted() {
      JsonObject session = firstSignIn("op-first", "given-by-the-admin-1");
      assertThat(session.getBoolean("mustChangePassword")).isTrue();
      String token = session.getString("token");
      assertProblem(http.get("/api/v1/territories", token), 403, "PASSWORD_CHANGE_REQUIRED");
      assertThat(http.get("/api/v1/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("once it has chosen its own password, the same token works everywhere and the next login is free")
    void changed() {
      String token = firstSignIn("op-changed", "given-by-the-admin-2").getString("token");
      assertThat(http.post("/api/v1/auth/password", token, change("given-by-the-admin-2", "chosen-by-the-owner-2"))
          .statusCode()).isEqualTo(204);
      assertThat(http.get("/api/v1/territories", token).statusCode()).isEqualTo(200);
      var again = http.post("/api/v1/auth/login", null,
          new JsonObject().put("login", "op-changed").put("password", "chosen-by-the-owner-2"));
      assertThat(again.bodyAsJsonObject().getBoolean("mustChangePassword")).isFalse();
    }

    @Test
    @DisplayName("a common new password, the same one again, or a wrong current one are 400s naming the field")
    void refusedChanges() {
      String token = firstSignIn("op-refused", "given-by-the-admin-3").getString("token");
      assertInvalidField(http.post("/api/v1/auth/password", token, change("given-by-the-admin-3", "password12345")),
          "newPassword");
      assertInvalidField(http.post("/api/v1/auth/password", token,
          change("given-by-the-admin-3", "given-by-the-admin-3")), "newPassword");
      assertInvalidField(http.post("/api/v1/auth/password", token, change("not-the-current-one", "a-fine-password-3")),
          "currentPassword");
      assertProblem(http.get("/api/v1/territories", token), 403, "PASSWORD_CHANGE_REQUIRED");
    }
  }
}
