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

  public String login(String login, String password) {
    HttpResponse<Buffer> response = post("/api/v1/auth/login", null,
        new JsonObject().put("login", login).put("password", password));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("login failed for " + login + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("token");
  }
}
