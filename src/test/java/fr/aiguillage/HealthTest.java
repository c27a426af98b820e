package fr.aiguillage;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest extends ApiTest {

  @Test
  @DisplayName("/health answers 200 UP when the database is reachable, without a token")
  void up() {
    var response = http.get("/health", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getMap()).containsEntry("status", "UP").containsEntry("database", "UP");
  }

  @Test
  @DisplayName("/health answers 503 with database DOWN when the database refuses connections, then UP again")
  void down() {
    String db = server.db.database();
    TestDatabase.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
    TestDatabase.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
    try {
      var response = http.get("/health", null);
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.bodyAsJsonObject().getString("database")).isEqualTo("DOWN");
    } finally {
      TestDatabase.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
    }
    assertThat(http.get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("/health/live answers 200 UP and /health/ready 200 with database, migrations and events UP")
  void liveAndReady() {
    var live = http.get("/health/live", null);
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    var ready = readyWithin(Duration.ofSeconds(20));
    assertThat(ready.statusCode()).as(ready.bodyAsString()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getMap()).containsEntry("database", "UP").containsEntry("migrations", "UP")
        .containsEntry("events", "UP");
  }

  @Test
  @DisplayName("/health/ready answers 503 with migrations DOWN when the database lacks this build's last migration")
  void notMigrated() {
    String latest = "(SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
        + " ORDER BY installed_rank DESC LIMIT 1)";
    server.execute("CREATE TABLE flyway_history_aside AS SELECT * FROM flyway_schema_history"
        + " WHERE version = " + latest);
    server.execute("DELETE FROM flyway_schema_history WHERE version = (SELECT version FROM flyway_history_aside)");
    try {
      var ready = http.get("/health/ready", null);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.bodyAsJsonObject().getMap()).containsEntry("database", "UP")
          .containsEntry("migrations", "DOWN");
      assertThat(http.get("/health", null).statusCode()).isEqualTo(200);
    } finally {
      server.execute("INSERT INTO flyway_schema_history SELECT * FROM flyway_history_aside");
      server.execute("DROP TABLE flyway_history_aside");
    }
    assertThat(readyWithin(Duration.ofSeconds(20)).statusCode()).isEqualTo(200);
  }

  /**
   * /health/ready until it answers 200 or the deadline passes: after another test cut the connections, the event
   * relay takes up to 2 s to listen again, and just after start the last migration's version is still being read;
   * readiness rightly waits for both.
   */
  private HttpResponse<Buffer> readyWithin(Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    HttpResponse<Buffer> ready = http.get("/health/ready", null);
    while (ready.statusCode() != 200 && Instant.now().isBefore(deadline)) {
      Await.result(Future.<Long>future(p -> server.vertx.setTimer(50, p::complete)));
      ready = http.get("/health/ready", null);
    }
    return ready;
  }
}
