package fr.aiguillage.agenda;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/agenda/snp-coverage: SNP slots per commune, day and half-day (clock: Monday 23 November, 10:00). */
class SnpCoverageTest extends ApiTest {

  private static final String MEZE = "34157";
  private String coordinator;
  private String gpId;

  @BeforeAll
  void aGpInSeteWithTwoSnpSlotsTomorrowMorningOneBooked() {
    coordinator = coordinatorOf("coordination-couverture", Fixtures.THAU);
    BookingScenario world = new BookingScenario(server, coordinator);
    JsonObject gp = world.professional(Fixtures.aGpInSete().put("familyName", "Couvrant"));
    gpId = gp.getString("id");
    world.slot(gp, "2026-11-24T09:00:00+01:00", "2026-11-24T09:20:00+01:00");
    String booked = world.slot(gp, "2026-11-24T09:20:00+01:00", "2026-11-24T09:40:00+01:00");
    world.slot(gp, Fixtures.aSlot(gp, "2026-11-24T15:00:00+01:00", "2026-11-24T15:20:00+01:00").put("kind", "PUBLIC"));
    String patient = world.patient(Fixtures.aPatientInSete());
    var response = http.post("/api/v1/appointments", coordinator, BookingScenario.booking(booked, patient));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
  }

  private JsonObject coverage(String token, String query) {
    var response = http.get("/api/v1/agenda/snp-coverage?" + query, token);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  @Test
  @DisplayName("a commune's morning cell counts its free and booked SNP slots and names the professional behind them")
  void cellCountsFreeAndBookedSnpSlots() {
    JsonObject c = coverage(coordinator, "territory=" + Fixtures.THAU);
    assertThat(c.getJsonArray("days")).hasSize(7).first().isEqualTo("2026-11-23");
    List<JsonObject> cells = c.getJsonArray("cells").stream().map(JsonObject.class::cast).toList();
    assertThat(cells).hasSize(1);
    JsonObject cell = cells.get(0);
    assertThat(cell.getString("communeInsee")).isEqualTo(Fixtures.SETE);
    assertThat(cell.getString("date")).isEqualTo("2026-11-24");
    assertThat(cell.getString("halfDay")).isEqualTo("MORNING");
    assertThat(cell.getInteger("free")).isEqualTo(1);
    assertThat(cell.getInteger("booked")).isEqualTo(1);
    JsonObject who = cell.getJsonArray("professionals").getJsonObject(0);
    assertThat(who.getString("id")).isEqualTo(gpId);
    assertThat(who.getString("familyName")).isEqualTo("Couvrant");
  }

  @Test
  @DisplayName("a commune of the territory with no SNP slot is listed, with no cell: the gap shows")
  void communeWithoutSlotIsListed() {
    JsonObject c = coverage(coordinator, "territory=" + Fixtures.THAU + "&days=3");
    JsonArray communes = c.getJsonArray("communes");
    assertThat(communes.stream().map(o -> ((JsonObject) o).getString("insee"))).contains(MEZE, Fixtures.SETE);
    assertThat(c.getJsonArray("cells").stream().map(o -> ((JsonObject) o).getString("communeInsee")))
        .doesNotContain(MEZE);
  }

  @Test
  @DisplayName("a later first day leaves earlier slots out")
  void laterFirstDayLeavesEarlierSlotsOut() {
    JsonObject c = coverage(coordinator, "territory=" + Fixtures.THAU + "&from=2026-11-25&days=7");
    assertThat(c.getJsonArray("cells")).isEmpty();
    assertThat(c.getJsonArray("days").getString(0)).isEqualTo("2026-11-25");
  }

  @Test
  @DisplayName("an operator of the territory may read it; a coordinator of another territory gets 403")
  void onlyTheTerritoryReadsIt() {
    String operator = server.tokenFor("operateur-couverture", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    assertThat(coverage(operator, "territory=" + Fixtures.THAU).getJsonArray("cells")).hasSize(1);
    String other = coordinatorOf("coordination-voisine", Fixtures.BERANGE);
    assertProblem(http.get("/api/v1/agenda/snp-coverage?territory=" + Fixtures.THAU, other), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("a professional may not read the territory's coverage")
  void professionalMayNotReadIt() {
    String gp = server.tokenFor("docteur-couverture", List.of("PROFESSIONAL"), List.of(Fixtures.THAU), gpId);
    assertProblem(http.get("/api/v1/agenda/snp-coverage?territory=" + Fixtures.THAU, gp), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("more than 14 days, a malformed first day or no territory is a 400 problem")
  void badQueriesAreRefused() {
    assertInvalidField(http.get("/api/v1/agenda/snp-coverage?territory=" + Fixtures.THAU + "&days=15", coordinator),
        "days");
    assertInvalidField(http.get("/api/v1/agenda/snp-coverage?territory=" + Fixtures.THAU + "&from=demain",
        coordinator), "from");
    assertProblem(http.get("/api/v1/agenda/snp-coverage", coordinator), 400, "VALIDATION_FAILED");
  }
}
