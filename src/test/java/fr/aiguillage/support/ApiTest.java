package fr.aiguillage.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of HTTP tests: one server and one fresh database per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest {

  protected TestServer server;
  protected Http http;

  @BeforeAll
  void startServer() {
    server = TestServer.start(settings());
    http = server.http;
  }

  /** Settings this class runs the service with, as environment variables; none by default. */
  protected Map<String, String> settings() {
    return Map.of();
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  protected String coordinatorOf(String login, String... territories) {
    return server.tokenFor(login, List.of("COORDINATOR"), List.of(territories), null);
  }

  /** Creates a professional as admin and returns the stored record. */
  protected JsonObject createProfessional(JsonObject body) {
    HttpResponse<Buffer> response = http.post("/api/v1/professionals", server.adminToken(), body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  /** Asserts a problem+json answer with this status and code, and returns its body. */
  public static JsonObject assertProblem(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("type")).isNotBlank();
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(response.bodyAsString()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }

  /** Asserts a 400 VALIDATION_FAILED naming {@code field}. */
  public static void assertInvalidField(HttpResponse<Buffer> response, String field) {
    JsonObject problem = assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .as(response.bodyAsString()).contains(field);
  }
}
