package fr.aiguillage.push;

import fr.aiguillage.support.Await;
import fr.aiguillage.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Server-Sent Events stream read over real HTTP as a browser would (text/event-stream on a kept-open response):
 * each event as it comes, in order, waited for with a timeout (never a sleep).
 */
final class SseReader implements AutoCloseable {

  private static final Pattern EVENT = Pattern.compile("id: (\\d+)\\nevent: ([a-z.]+)\\ndata: (.+)\\n\\n");

  /** One event: its log id, its type and its data. */
  record Event(long id, String type, JsonObject data) {
    String requestId() {
      JsonObject payload = data.getJsonObject("payload");
      return payload == null ? data.getString("requestId") : payload.getString("requestId");
    }

    JsonObject payload() {
      return data.getJsonObject("payload", data);
    }
  }

  private final HttpClient client;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<Event> received = new CopyOnWriteArrayList<>();
  private final HttpClientResponse response;

  /** Opens {@code path} with this bearer token; {@code lastEventId} resumes, as a browser's EventSource does. */
  SseReader(TestServer server, String path, String token, Long lastEventId, Predicate<Event> kept) {
    this.client = server.vertx.createHttpClient();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost")
        .setPort(server.port()).setURI(path).putHeader("Authorization", "Bearer " + token);
    if (lastEventId != null) {
      options.putHeader("Last-Event-ID", Long.toString(lastEventId));
    }
    StringBuilder text = new StringBuilder();
    // The handler is set where the response arrives (its event loop): a replay sent at once is not missed.
    this.response = Await.result(client.request(options).compose(r -> r.send())
        .onSuccess(r -> r.handler((Buffer chunk) -> {
          text.append(chunk.toString());
          Matcher m = EVENT.matcher(text);
          int end = 0;
          while (m.find()) {
            Event e = new Event(Long.parseLong(m.group(1)), m.group(2), new JsonObject(m.group(3)));
            if (kept.test(e)) {
              received.add(e);
              events.add(e);
            }
            end = m.end();
          }
          text.delete(0, end);
        })));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
  }

  /** The next event kept, waited for up to 30 s. */
  Event next() {
    try {
      Event e = events.poll(30, TimeUnit.SECONDS);
      assertThat(e).as("an event within 30 s").isNotNull();
      return e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Skips events until one matches, and returns it. */
  Event until(Predicate<Event> wanted) {
    while (true) {
      Event e = next();
      if (wanted.test(e)) {
        return e;
      }
    }
  }

  /** Every event kept so far, read or not. */
  List<Event> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    Await.result(client.close());
  }
}
