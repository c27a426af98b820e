package fr.aiguillage.calls;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' live stream, read as a browser would: text/event-stream over a kept-open response. */
class CallStreamTest extends ApiTest {

  private static final Pattern EVENT = Pattern.compile("id: (\\d+)\\nevent: ([a-z.]+)\\ndata: (.+)\\n\\n");
  private String operator;

  @BeforeAll
  void operator() {
    operator = server.tokenFor("stream-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
  }

  /** Opens the stream on {@code target} and completes once {@code count} events arrived (id, type, data). */
  private record Opened(HttpClientResponse response, List<String[]> events, Promise<Void> enough) {
  }

  private Opened open(TestServer target, String lastEventId, int count) {
    HttpClient client = target.vertx.createHttpClient();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost")
        .setPort(target.port()).setURI("/api/v1/calls/stream").putHeader("Authorization", "Bearer " + operator);
    if (lastEventId != null) {
      options.putHeader("Last-Event-ID", lastEventId);
    }
    List<String[]> events = new ArrayList<>();
    Promise<Void> enough = Promise.promise();
    StringBuilder text = new StringBuilder();
    // The handler is set where the response arrives (its event loop): a replay sent at once is not missed.
    HttpClientResponse response = Await.result(client.request(options).compose(r -> r.send())
        .onSuccess(r -> r.handler((Buffer chunk) -> {
          text.append(chunk.toString());
          Matcher m = EVENT.matcher(text);
          int end = 0;
          while (m.find()) {
            events.add(new String[] {m.group(1), m.group(2), m.group(3)});
            end = m.end();
          }
          text.delete(0, end);
          if (events.size() >= count) {
            enough.tryComplete();
          }
        })));
    return new Opened(response, events, enough);
  }

  @Test
  @DisplayName("call events received by one instance reach an operator connected to another; a reconnect replays")
  void acrossInstancesAndResume() throws Exception {
    try (TestServer second = TestServer.start(server.db, server.clock)) {
      Opened onSecond = open(second, null, 2);
      assertThat(onSecond.response().statusCode()).isEqualTo(200);
      assertThat(onSecond.response().getHeader("Content-Type")).startsWith("text/event-stream");
      sendSigned("stream-1", "ringing");
      sendSigned("stream-1", "answered");
      Await.result(onSecond.enough().future());
      assertThat(onSecond.events()).extracting(e -> e[1]).containsExactly("call.ringing", "call.answered");
      JsonObject data = new JsonObject(onSecond.events().get(0)[2]);
      assertThat(data.getJsonObject("payload").getString("caller")).isEqualTo("+33612345678");

      String firstId = onSecond.events().get(0)[0];
      Opened resumed = open(server, firstId, 1);
      Await.result(resumed.enough().future());
      assertThat(resumed.events()).extracting(e -> e[1]).containsExactly("call.answered");
      assertThat(resumed.events().get(0)[0]).isEqualTo(onSecond.events().get(1)[0]);
    }
  }

  @Test
  @DisplayName("only operators and coordinators may listen; without a token it is 401")
  void access() {
    String orienter = server.tokenFor("stream-orienter", List.of("ORIENTER"), List.of(Fixtures.THAU), null);
    assertProblem(http.get("/api/v1/calls/stream", orienter), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/calls/stream", null), 401, "UNAUTHORIZED");
  }

  private void sendSigned(String callId, String event) throws Exception {
    JsonObject body = TelephonyTest.event(callId, event, "06 12 34 56 78", "2026-11-23T09:59:00+01:00");
    String ts = Long.toString(server.clock.instant().getEpochSecond());
    var response = http.send(HttpMethod.POST, "/api/v1/telephony/events", null, body.toBuffer(),
        "X-Aiguillage-Timestamp", ts);
    assertThat(response.statusCode()).isEqualTo(401);
    var signed = Await.result(io.vertx.ext.web.client.WebClient.create(server.vertx)
        .post(server.port(), "localhost", "/api/v1/telephony/events")
        .putHeader("Content-Type", "application/json")
        .putHeader("X-Aiguillage-Timestamp", ts)
        .putHeader("X-Aiguillage-Signature", TelephonyTest.sign(TestServer.TELEPHONY_SECRET, ts, body.encode()))
        .sendBuffer(body.toBuffer()));
    assertThat(signed.statusCode()).isEqualTo(202);
  }
}
