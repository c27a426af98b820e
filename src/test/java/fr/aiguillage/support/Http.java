package fr.aiguillage.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;


/** Real HTTP to the service under test; blocking calls from the test thread, for readable tests. */
public final class Http {

  private final WebClient client;
  private final java.util.Map<String, String[]> renewed = new java.util.concurrent.ConcurrentHashMap<>();

  Http(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
  }

  public HttpResponse<Buffer> get(String path, String token) {
    return send(HttpMethod.GET, path, token, null);
  }

  public HttpResponse<Buffer> post(String path, String token, JsonObject body) {
    return send(HttpMethod.POST, path, token, body == null ? null : body.toBuffer());
  }

  public HttpResponse<Buffer> patch(String path, String token, JsonObject body) {
    return send(HttpMethod.PATCH, path, token, body.toBuffer());
  }

  public HttpResponse<Buffer> delete(String path, String token) {
    return send(HttpMethod.DELETE, path, token, null);
  }

  public HttpResponse<Buffer> send(HttpMethod method, String path, String token, Buffer body) {
    return send(method, path, token, body, null, null);
  }

  public HttpResponse<Buffer> send(HttpMethod method, String path, String token, Buffer body, String header,
                                   String value) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    if (body != null) {
      request.putHeader("Content-Type", "application/json");
    }
    if (header != null) {
      request.putHeader(header, value);
    }
    return Await.result(body == null ? request.send() : request.sendBuffer(body));
  }

  /**
   * A token with every right of the account. An account created by someone else must change its password at first
   * sign-in (issue 19): this completes that change, to {@link #renewed}'s value, and later logins with the first
   * password use the renewed one, so a test logs in with the password it gave whatever the policy asks.
   */
  public String login(String login, String password) {
    String[] known = renewed.get(login);
    String actual = known != null && known[0].equals(password) ? known[1] : password;
    HttpResponse<Buffer> response = post("/api/v1/auth/login", null,
        new JsonObject().put("login", login).put("password", actual));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("login failed for " + login + ": " + response.bodyAsString());
    }
    JsonObject body = response.bodyAsJsonObject();
    String token = body.getString("token");
    if (Boolean.TRUE.equals(body.getBoolean("mustChangePassword"))) {
      changePassword(token, actual, renewed(actual));
      renewed.put(login, new String[] {password, renewed(actual)});
    }
    return token;
  }

  /** The first-sign-in change: from {@code current} to {@code chosen}. */
  public void changePassword(String token, String current, String chosen) {
    HttpResponse<Buffer> changed = post("/api/v1/auth/password", token,
        new JsonObject().put("currentPassword", current).put("newPassword", chosen));
    if (changed.statusCode() != 204) {
      throw new IllegalStateException("password change failed: " + changed.bodyAsString());
    }
  }

  /** The password {@link #login} chooses at a first sign-in. */
  public static String renewed(String password) {
    return "renewed-" + password;
  }
}
