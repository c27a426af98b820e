package fr.aiguillage.directory;

import fr.aiguillage.support.ApiTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TerritoryTest extends ApiTest {

  @Test
  @DisplayName("lists the configured territories with their communes")
  void lists() {
    var response = http.get("/api/v1/territories", server.adminToken());
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonObject> items = response.bodyAsJsonObject().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).toList();
    assertThat(items).extracting(t -> t.getString("id"))
        .containsExactly("bassin-de-thau", "montpellier-est-berange");
    JsonObject thau = items.get(0);
    assertThat(thau.getString("name")).isEqualTo("CPTS du Bassin de Thau");
    assertThat(thau.getJsonArray("communes").stream().map(c -> ((JsonObject) c).getString("name")))
        .contains("Sète", "Frontignan", "Mèze");
    JsonObject sete = thau.getJsonArray("communes").stream().map(c -> (JsonObject) c)
        .filter(c -> c.getString("insee").equals("34301")).findFirst().orElseThrow();
    assertThat(sete.getString("postcode")).isEqualTo("34200");
    assertThat(sete.getDouble("lat")).isEqualTo(43.4028);
  }
}
