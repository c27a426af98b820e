package fr.aiguillage.agenda;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.TwoTerritories;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/slots/{id}}: one slot with its professional and site, within the reader's territories. */
class SlotReadTest extends ApiTest {

  private TwoTerritories world;

  @BeforeAll
  void twoTerritories() {
    world = new TwoTerritories(server, "slot-read");
  }

  @Test
  @DisplayName("an operator of the slot's territory reads the slot with its professional and site")
  void operatorReadsASlotOfTheirTerritory() {
    var response = http.get("/api/v1/slots/" + world.slotA, world.operatorA);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject detail = response.bodyAsJsonObject();
    assertThat(detail.getJsonObject("slot").getString("id")).isEqualTo(world.slotA);
    assertThat(detail.getJsonObject("slot").getString("status")).isEqualTo("free");
    assertThat(detail.getJsonObject("professional").getString("familyName"))
        .isEqualTo(world.gpA.getString("familyName"));
    assertThat(detail.getJsonObject("professional").getString("phone")).startsWith("+33");
    assertThat(detail.getJsonObject("site").getString("id")).isEqualTo(world.siteA);
    assertThat(detail.getJsonObject("site").getString("address")).isNotBlank();
  }

  @Test
  @DisplayName("an operator of another territory is refused with 403")
  void anotherTerritoryIsRefused() {
    assertProblem(http.get("/api/v1/slots/" + world.slotA, world.operatorB), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("an unknown slot is 404")
  void unknownSlot() {
    assertProblem(http.get("/api/v1/slots/" + UUID.randomUUID(), world.operatorA), 404, "NOT_FOUND");
  }
}
