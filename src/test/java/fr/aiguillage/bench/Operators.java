package fr.aiguillage.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmarks' accounts: the administrator signs in, makes an operator of the given territories, and the operator
 * signs in, making the first-sign-in password change an account created by someone else must make (issue 19)
 * before any other request is served.
 */
final class Operators {

  private static final long WAIT_MINUTES = 10;

  private Operators() {
  }

  /** A bearer token of a new operator {@code login} covering {@code territories}, its password already changed. */
  static String operatorToken(WebClient client, String adminPassword, String login, String password,
                              List<String> territories) throws Exception {
    String admin = signIn(client, "admin", adminPassword);
    int created = client.post("/api/v1/accounts").bearerTokenAuthentication(admin).sendJsonObject(new JsonObject()
            .put("login", login).put("password", password)
            .put("roles", new JsonArray().add("OPERATOR")).put("territories", new JsonArray(territories)))
        .await(WAIT_MINUTES, TimeUnit.MINUTES).statusCode();
    if (created != 201) {
      throw new IllegalStateException("the bench operator was not created: " + created);
    }
    return signIn(client, login, password);
  }

  /** Signs in; when the account must change its password first, changes it, and returns the session's token. */
  static String signIn(WebClient client, String login, String password) throws Exception {
    var response = client.post("/api/v1/auth/login").sendJsonObject(new JsonObject().put("login", login)
        .put("password", password)).await(WAIT_MINUTES, TimeUnit.MINUTES);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("sign-in of " + login + " refused: " + response.statusCode());
    }
    JsonObject body = response.bodyAsJsonObject();
    String token = body.getString("token");
    if (Boolean.TRUE.equals(body.getBoolean("mustChangePassword"))) {
      int status = client.post("/api/v1/auth/password").bearerTokenAuthentication(token)
          .sendJsonObject(new JsonObject().put("currentPassword", password).put("newPassword", "renewed-" + password))
          .await(WAIT_MINUTES, TimeUnit.MINUTES).statusCode();
      if (status != 204) {
        throw new IllegalStateException("first-sign-in password change refused: " + status);
      }
    }
    return token;
  }
}
