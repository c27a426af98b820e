package fr.aiguillage.calls;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream's keep-alive comment, with the interval shortened from 15 s to 1 s for the test. */
class CallStreamHeartbeatTest extends ApiTest {

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_CALLS_STREAM_HEARTBEAT_SECONDS", "1");
  }

  @Test
  @DisplayName("an idle stream sends a heartbeat comment at the configured interval, and keeps sending it")
  void heartbeat() {
    String operator = server.tokenFor("beat-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    HttpClient client = server.vertx.createHttpClient();
    StringBuffer text = new StringBuffer();
    Promise<Void> twoBeats = Promise.promise();
    // Asked from an event loop, so the answer arrives on that loop in a later task: the handler is set before any
    // chunk can be read. Asked from the test thread, the answer could arrive first, and its handler then be set on
    // the test thread after ": connected" was read with none (seen once in a full run).
    Promise<HttpClientResponse> answered = Promise.promise();
    server.vertx.getOrCreateContext().runOnContext(v -> client.request(new RequestOptions()
            .setMethod(HttpMethod.GET).setHost("localhost").setPort(server.port()).setURI("/api/v1/calls/stream")
            .putHeader("Authorization", "Bearer " + operator))
        .compose(r -> r.send())
        .onSuccess(r -> r.handler(chunk -> {
          text.append(chunk.toString());
          if (text.toString().split(": heartbeat\n\n", -1).length > 2) {
            twoBeats.tryComplete();
          }
        }))
        .onComplete(answered));
    HttpClientResponse response = Await.result(answered.future());
    Await.result(twoBeats.future().timeout(10, TimeUnit.SECONDS));
    assertThat(text.toString()).startsWith(": connected\n\n").contains(": heartbeat\n\n");
    response.request().connection().close();
  }
}
