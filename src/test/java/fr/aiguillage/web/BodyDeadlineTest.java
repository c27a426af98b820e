package fr.aiguillage.web;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients (issue 18): a request body trickled byte by byte over a raw socket is cut off by
 * limits.bodyTimeoutSeconds on every route of the service, API or not, whatever the route does with its body.
 */
class BodyDeadlineTest extends ApiTest {

  private static final int DEADLINE_SECONDS = 1;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_LIMITS_BODY_TIMEOUT_SECONDS", Integer.toString(DEADLINE_SECONDS));
  }

  @Test
  @DisplayName("a JSON body trickled byte by byte to the API is answered 408 problem+json REQUEST_TIMEOUT at the"
      + " configured deadline, and the connection is closed")
  void apiBodyCutOff() {
    Trickle trickle = trickle("/api/v1/auth/login");
    String answer = Await.result(trickle.closed().future().timeout(DEADLINE_SECONDS + 10, TimeUnit.SECONDS));

    assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("X-Request-Id");
    JsonObject problem = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(problem.getString("code")).isEqualTo("REQUEST_TIMEOUT");
    assertThat(problem.getInteger("status")).isEqualTo(408);
    assertThat(problem.getString("requestId")).isNotBlank();
    assertThat(trickle.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(DEADLINE_SECONDS));
  }

  @Test
  @DisplayName("a body trickled to a page outside the API (the patient's cancellation page, which answers without"
      + " reading it) has its connection closed at the deadline instead of held for as long as the client trickles")
  void pageBodyCutOff() {
    Trickle trickle = trickle("/annulation/not-a-token");
    String answer = Await.result(trickle.closed().future().timeout(DEADLINE_SECONDS + 10, TimeUnit.SECONDS));

    assertThat(answer).startsWith("HTTP/1.1 ");
    assertThat(trickle.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(DEADLINE_SECONDS))
        .isLessThan(Duration.ofSeconds(DEADLINE_SECONDS + 10));
  }

  private record Trickle(Promise<String> closed, long started) {
    Duration took() {
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  /**
   * Sends the head of a POST announcing a 1,000-byte JSON body, then one byte every 50 ms until the server closes
   * the connection; completes with everything the server wrote.
   */
  private Trickle trickle(String path) {
    NetSocket socket = Await.result(server.vertx.createNetClient().connect(server.port(), "localhost"));
    Promise<String> closed = Promise.promise();
    StringBuilder received = new StringBuilder();
    socket.handler(data -> received.append(data.toString()));
    long started = System.nanoTime();
    socket.write("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{");
    long periodic = server.vertx.setPeriodic(50, id -> socket.write(" "));
    socket.closeHandler(v -> {
      server.vertx.cancelTimer(periodic);
      closed.tryComplete(received.toString());
    });
    return new Trickle(closed, started);
  }
}
