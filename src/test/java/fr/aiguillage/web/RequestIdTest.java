package fr.aiguillage.web;

import fr.aiguillage.support.ApiTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request has an id (issue 18): the caller's when sane, else a new one; in the header and the problem body. */
class RequestIdTest extends ApiTest {

  @Test
  @DisplayName("a sane X-Request-Id comes back in the header and in the problem body")
  void saneIdIsKept() {
    HttpResponse<Buffer> answer = http.send(HttpMethod.GET, "/api/v1/patients/%ZZ", null, null, "X-Request-Id",
        "desk-4.call_17");
    assertThat(answer.getHeader("X-Request-Id")).isEqualTo("desk-4.call_17");
    assertThat(assertProblem(answer, 400, "VALIDATION_FAILED").getString("requestId")).isEqualTo("desk-4.call_17");
  }

  @Test
  @DisplayName("an id too long or with other characters is replaced by a new UUID, and every answer has one")
  void otherIdsAreReplaced() {
    HttpResponse<Buffer> odd = http.send(HttpMethod.GET, "/api/v1/me", null, null, "X-Request-Id",
        "x".repeat(65));
    String given = odd.getHeader("X-Request-Id");
    assertThat(UUID.fromString(given)).isNotNull();
    assertThat(assertProblem(odd, 401, "UNAUTHORIZED").getString("requestId")).isEqualTo(given);
    String health = http.get("/health", null).getHeader("X-Request-Id");
    assertThat(UUID.fromString(health)).isNotNull();
    assertThat(health).isNotEqualTo(given);
  }
}
