package fr.aiguillage.rota;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fr.aiguillage.rota.RotaScene.BASE;
import static fr.aiguillage.rota.RotaScene.created;
import static fr.aiguillage.rota.RotaScene.ok;
import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's indicators gain the rota's figures per month and sector, in JSON and CSV. March 2027, published: "Midi"
 * (12:00–14:00, one place each weekday) in the main sector, "Samedi matin" (09:00–12:00, two places each Saturday) in
 * Frontignan. Weekdays of March 2027 but Easter Monday (29th): 22 places; Saturdays 6, 13, 20, 27: 8 places. Held by
 * hand: three noons (3 × 120 min) and two Saturday mornings (2 × 180 min); two patients booked on the first noon.
 * GPs of the territory: four, two of whom volunteered (in a third sector without bands); a nurse volunteer is not a GP.
 */
class RotaIndicatorsTest extends ApiTest {

  private static final String QUERY = "territory=" + THAU + "&from=2027-03-01&to=2027-03-31&granularity=month";
  private static final String MAIN = "Secteur principal";

  private String coordinator;
  /** The GPs as the per-volunteer figures name them: family and given name, RPPS. */
  private final String[] volunteers = new String[4];

  @BeforeAll
  void publishedMarch() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    coordinator = coordinatorOf("coord-rota-figures", THAU);
    RotaScene rota = new RotaScene(http, coordinator);
    BookingScenario scenario = new BookingScenario(server, coordinator);
    String noon = rota.band("Midi", "12:00", "14:00", 4, 15);
    String frontignan = sector("Frontignan");
    String saturday = created(http.post(BASE + "/bands", coordinator, new JsonObject().put("label", "Samedi matin")
        .put("sectorId", frontignan).put("days", new JsonArray(List.of(6))).put("start", "09:00").put("end", "12:00")
        .put("needed", 2))).getString("id");
    String elsewhere = sector("Balaruc");
    String[] gps = new String[4];
    for (int i = 0; i < gps.length; i++) {
      JsonObject gp = createProfessional(Fixtures.aGpInSete());
      gps[i] = gp.getString("id");
      volunteers[i] = gp.getString("familyName") + " " + gp.getString("givenName") + " (" + gp.getString("rpps") + ")";
    }
    String nurse = createProfessional(Fixtures.aProfessional("NURSE", Fixtures.SETE)).getString("id");
    created(http.post(BASE + "/months", coordinator, new JsonObject().put("month", "2027-03")
        .put("deadline", "2027-02-15T23:59:00+01:00")));
    volunteer(gps[0], 2, elsewhere);
    volunteer(gps[1], 1, elsewhere);
    volunteer(gps[2], 0, elsewhere);
    volunteer(nurse, 3, elsewhere);
    ok(http.post(BASE + "/months/2027-03/proposal", coordinator, null));
    assertThat(http.post(BASE + "/months/2027-03/publication", coordinator, null).statusCode()).isEqualTo(204);
    String first = rota.place("2027-03", noon, "2027-03-01");
    rota.hold(first, gps[0]);
    rota.hold(rota.place("2027-03", noon, "2027-03-02"), gps[0]);
    rota.hold(rota.place("2027-03", noon, "2027-03-10"), gps[3]);
    rota.hold(rota.place("2027-03", saturday, "2027-03-06"), gps[1]);
    rota.hold(rota.place("2027-03", saturday, "2027-03-13"), gps[1]);
    String operator = server.tokenFor("op-rota-figures", List.of("OPERATOR"), List.of(THAU), null);
    for (String phone : List.of("06 20 00 00 11", "06 20 00 00 12")) {
      String patient = scenario.patient(Fixtures.aPatientInSete().put("phone", phone));
      created(http.post("/api/v1/appointments", operator, new JsonObject().put("dutyPlaceId", first)
          .put("patientId", patient).put("reason", "Angine")));
    }
  }

  @Test
  @DisplayName("per month and sector: places required, held, gaps, minutes held, patients on duty, GPs volunteering")
  void figuresByMonthAndSector() {
    JsonObject report = ok(http.get("/api/v1/indicators?" + QUERY, coordinator));
    JsonObject march = report.getJsonArray("periods").getJsonObject(0);
    assertThat(march.getString("period")).isEqualTo("2027-03");
    JsonObject total = report.getJsonObject("total");
    for (JsonObject figures : List.of(march.getJsonObject("rota"), total.getJsonObject("rota"))) {
      assertThat(figures.getLong("placesRequired")).isEqualTo(30);
      assertThat(figures.getLong("placesHeld")).isEqualTo(5);
      assertThat(figures.getLong("gaps")).isEqualTo(25);
      assertThat(figures.getLong("dutyMinutesHeld")).isEqualTo(720);
      assertThat(figures.getLong("patientsOnDuty")).isEqualTo(2);
      assertThat(figures.getDouble("volunteerGpShare")).isEqualTo(0.5);
      assertThat(figures.getJsonObject("placesRequiredBySector").getMap()).isEqualTo(Map.of(MAIN, 22, "Frontignan", 8));
      assertThat(figures.getJsonObject("placesHeldBySector").getMap()).isEqualTo(Map.of(MAIN, 3, "Frontignan", 2));
      assertThat(figures.getJsonObject("gapsBySector").getMap()).isEqualTo(Map.of(MAIN, 19, "Frontignan", 6));
      assertThat(figures.getJsonObject("dutyMinutesHeldBySector").getMap())
          .isEqualTo(Map.of(MAIN, 360, "Frontignan", 360));
      assertThat(figures.getJsonObject("patientsOnDutyBySector").getMap()).isEqualTo(Map.of(MAIN, 2));
      // each volunteer's share: two noon duties (one with both patients), two Saturday mornings, one noon duty
      assertThat(figures.getJsonObject("dutyMinutesByVolunteer").getMap())
          .isEqualTo(Map.of(volunteers[0], 240, volunteers[1], 360, volunteers[3], 120));
      assertThat(figures.getJsonObject("patientsOnDutyByVolunteer").getMap()).isEqualTo(Map.of(volunteers[0], 2));
    }
  }

  @Test
  @DisplayName("the CSV carries the rota's figures with the small-count rule: <5 for few patients, no share on 4 GPs")
  void csvKeepsTheSmallCountRule() {
    HttpResponse<Buffer> csv = http.get("/api/v1/indicators.csv?" + QUERY, coordinator);
    assertThat(csv.statusCode()).as(csv.bodyAsString()).isEqualTo(200);
    List<String> lines = csv.bodyAsString().lines().filter(l -> l.startsWith("total;")).toList();
    assertThat(lines).contains(
        "total;2027-03-01;2027-03-31;rota.placesRequired;Places de garde à pourvoir;;30",
        "total;2027-03-01;2027-03-31;rota.placesHeld;Places de garde tenues;;5",
        "total;2027-03-01;2027-03-31;rota.dutyMinutesHeld;Durée des gardes tenues (min);;720",
        "total;2027-03-01;2027-03-31;rota.patientsOnDuty;Patients pris en charge sur une garde;;<5",
        "total;2027-03-01;2027-03-31;rota.volunteerGpShare;"
            + "Part des médecins généralistes du territoire volontaires pour les gardes (%);;",
        "total;2027-03-01;2027-03-31;rota.gapsBySector;Places de garde non pourvues par secteur;Frontignan;6",
        "total;2027-03-01;2027-03-31;rota.placesHeldBySector;Places de garde tenues par secteur;Frontignan;<5");
  }

  private String sector(String name) {
    return created(http.post(BASE + "/sectors", coordinator, new JsonObject().put("name", name))).getString("id");
  }

  private void volunteer(String professionalId, int offered, String sectorId) {
    HttpResponse<Buffer> r = http.send(HttpMethod.PUT, BASE + "/months/2027-03/availability/" + professionalId,
        coordinator, new JsonObject().put("offered", offered).put("sectorId", sectorId)
            .put("impossible", new JsonArray()).toBuffer());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(204);
  }
}
