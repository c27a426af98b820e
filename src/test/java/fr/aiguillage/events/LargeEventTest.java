package fr.aiguillage.events;

import fr.aiguillage.db.Pools;
import fr.aiguillage.support.TestServer;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL refuses a NOTIFY over 8,000 bytes. An event that large (a push request asked of 500 professionals
 * lists them all) was refused with its whole transaction, and the operator was answered 400: it must be written,
 * and reach the event bus whole and in order, through the log.
 */
class LargeEventTest {

  private static TestServer server;
  private static Pool pool;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    pool = Pools.create(server.vertx, server.db, 2);
  }

  @AfterAll
  static void stop() throws Exception {
    pool.close().await(10, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  @DisplayName("an event of 20 KB, then a small one, are committed and relayed whole and in that order")
  void largeEventRelayedFromTheLog() throws Exception {
    EventLog log = new EventLog(pool, server.clock);
    Promise<JsonObject> large = Promise.promise();
    Promise<JsonObject> small = Promise.promise();
    server.vertx.eventBus().<JsonObject>consumer(EventRelay.ADDRESS, message -> {
      String type = message.body().getString("type");
      if ("test.large".equals(type)) {
        large.tryComplete(message.body());
      } else if ("test.small".equals(type)) {
        assertThat(large.future().isComplete()).as("the large event came first").isTrue();
        small.tryComplete(message.body());
      }
    });
    String text = "x".repeat(20_000);

    long id = pool.withTransaction(tx -> log.append(tx, "test.large", null, Map.of("text", text))
            .compose(e -> log.append(tx, "test.small", null, Map.of("n", 1)).map(e.id())))
        .await(10, TimeUnit.SECONDS);

    JsonObject relayed = large.future().await(10, TimeUnit.SECONDS);
    assertThat(relayed.getLong("id")).isEqualTo(id);
    assertThat(relayed.getJsonObject("payload").getString("text")).isEqualTo(text);
    assertThat(small.future().await(10, TimeUnit.SECONDS).getLong("id")).isEqualTo(id + 1);
  }
}
