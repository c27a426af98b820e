package fr.aiguillage;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
