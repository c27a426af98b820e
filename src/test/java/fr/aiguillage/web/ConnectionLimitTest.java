package fr.aiguillage.web;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import io.vertx.core.Promise;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Too many connections at once (issue 18): 503 problem+json for those past the limit, never a crash. */
class ConnectionLimitTest extends ApiTest {

  private static final int MAX = 4;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_LIMITS_MAX_CONNECTIONS", Integer.toString(MAX));
  }

  @Test
  @DisplayName("a connection past limits.maxConnections is answered 503 problem+json, and the service serves again once they close")
  void pastTheLimit() {
    NetClient client = server.vertx.createNetClient();
    List<NetSocket> sockets = new ArrayList<>();
    String refused = null;
    try {
      for (int i = 0; i <= MAX + 2 && refused == null; i++) {
        NetSocket socket = Await.result(client.connect(server.port(), "localhost"));
        sockets.add(socket);
        String answer = exchange(socket);
        if (answer.startsWith("HTTP/1.1 503")) {
          refused = answer;
        }
      }
    } finally {
      sockets.forEach(socket -> Await.result(socket.close()));
    }
    assertThat(refused).as("a 503 among %d connections", MAX + 3).isNotNull();
    assertThat(refused).contains("application/problem+json").contains("Retry-After").contains("X-Request-Id");
    JsonObject problem = new JsonObject(refused.substring(refused.indexOf("\r\n\r\n") + 4));
    assertThat(problem.getString("code")).isEqualTo("TOO_MANY_CONNECTIONS");
    assertThat(problem.getInteger("status")).isEqualTo(503);
    assertThat(problem.getString("requestId")).isNotBlank();
    // the server learns of the closes a moment after the client: served again within a few seconds
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    int status = http.get("/health", null).statusCode();
    while (status != 200 && System.nanoTime() < deadline) {
      Await.result(server.vertx.timer(50));
      status = http.get("/health", null).statusCode();
    }
    assertThat(status).isEqualTo(200);
  }

  /** One GET /health on the socket, kept open; the raw answer once its JSON body has arrived. */
  private String exchange(NetSocket socket) {
    Promise<String> answer = Promise.promise();
    StringBuilder received = new StringBuilder();
    socket.handler(data -> {
      received.append(data.toString());
      int body = received.indexOf("\r\n\r\n");
      if (body > 0 && received.lastIndexOf("}") > body) {
        answer.tryComplete(received.toString());
      }
    });
    socket.closeHandler(v -> answer.tryComplete(received.toString()));
    socket.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    return Await.result(answer.future());
  }
}
