package fr.aiguillage.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

  @Test
  @DisplayName("an environment variable named after the key's path overrides the file")
  void environmentOverrides() {
    AppConfig config = ConfigLoader.load(Map.of("AIGUILLAGE_AGENDA_HORIZON_DAYS", "42",
        "AIGUILLAGE_HTTP_PORT", "9090", "AIGUILLAGE_DATA_DIR", "/tmp/elsewhere",
        "AIGUILLAGE_DB_URL", "postgresql://u:p@db.internal:5433/aiguillage", "AIGUILLAGE_DEMO_ENABLED", "true"));
    assertThat(config.agendaHorizonDays()).isEqualTo(42);
    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/elsewhere"));
    assertThat(config.usesEmbeddedDatabase()).isFalse();
    assertThat(config.demoEnabled()).isTrue();
  }

  @Test
  @DisplayName("the defaults: port 8080, embedded database under data/, horizon 28 days")
  void defaults() {
    AppConfig config = ConfigLoader.load(Map.of());
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.usesEmbeddedDatabase()).isTrue();
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.agendaHorizonDays()).isEqualTo(28);
    assertThat(config.bodyLimitBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  @DisplayName("a malformed value stops startup with the variable's name")
  void badValue() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("AIGUILLAGE_HTTP_PORT", "eighty")))
        .hasMessageContaining("AIGUILLAGE_HTTP_PORT");
  }

  @Test
  @DisplayName("camelCase keys map to upper snake case")
  void naming() {
    assertThat(ConfigLoader.upperSnake("horizonDays")).isEqualTo("HORIZON_DAYS");
    assertThat(ConfigLoader.overlay(new JsonObject().put("a", new JsonObject().put("bodyLimit", 1)),
        Map.of("AIGUILLAGE_A_BODY_LIMIT", "7")).getJsonObject("a").getInteger("bodyLimit")).isEqualTo(7);
  }
}
