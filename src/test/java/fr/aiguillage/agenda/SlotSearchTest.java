package fr.aiguillage.agenda;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient lives in Sète (centre 43.4028, 3.6967). Professionals sit due east of it: 0.01° of
 * longitude is about 0.8 km there. Each test uses its own day, so their slots never meet.
 */
class SlotSearchTest extends ApiTest {

  private BookingScenario scenario;
  private String coordinator;
  private String operator;
  private JsonObject near;
  private JsonObject mid;
  private JsonObject twin;
  private JsonObject far;
  private JsonObject beyond;

  @BeforeAll
  void professionals() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    coordinator = coordinatorOf("search-coordinator", Fixtures.THAU);
    scenario = new BookingScenario(server, coordinator);
    operator = server.tokenFor("search-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    near = gpAt("Proche", 3.7067, false);
    mid = gpAt("Milieu", 3.7467, true);
    twin = gpAt("Jumeau", 3.7467, false);
    far = gpAt("Lointain", 3.8467, true);
    beyond = gpAt("Horsrayon", 4.1000, true);
  }

  private JsonObject gpAt(String name, double lon, boolean overbooking) {
    JsonObject body = Fixtures.aGpInSete().put("familyName", name).put("acceptsOverbooking", overbooking);
    body.getJsonArray("sites").getJsonObject(0).put("lat", 43.4028).put("lon", lon);
    return scenario.professional(body);
  }

  private void slot(JsonObject professional, String day, String time) {
    String end = java.time.LocalTime.parse(time).plusMinutes(20).toString();
    scenario.slot(professional, day + "T" + time + ":00+01:00", day + "T" + end + ":00+01:00");
  }

  private JsonObject search(String token, String query) {
    var response = http.get("/api/v1/slots/search?" + query, token);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static String from(String day) {
    return "from=" + URLEncoder.encode(day + "T08:00:00+01:00", StandardCharsets.UTF_8);
  }

  private static List<String> names(JsonArray results) {
    return results.stream().map(r -> ((JsonObject) r).getJsonObject("professional").getString("familyName")).toList();
  }

  @Test
  @DisplayName("results are one per professional (their earliest), by distance then start, with contact and place")
  void ordering() {
    String day = "2026-11-26";
    slot(near, day, "15:00");
    slot(near, day, "16:00");
    slot(mid, day, "10:00");
    slot(mid, day, "09:00");
    slot(twin, day, "08:45");
    slot(far, day, "08:30");
    slot(beyond, day, "08:30");
    JsonArray results = search(operator, "communeInsee=34301&" + from(day)).getJsonArray("results");
    assertThat(names(results)).containsExactly("Proche", "Jumeau", "Milieu", "Lointain");
    JsonObject first = results.getJsonObject(0);
    assertThat(first.getJsonObject("slot").getString("start")).isEqualTo(day + "T15:00:00+01:00");
    assertThat(first.getDouble("distanceKm")).isEqualTo(0.8);
    assertThat(results.getJsonObject(2).getJsonObject("slot").getString("start")).isEqualTo(day + "T09:00:00+01:00");
    assertThat(results.getJsonObject(3).getDouble("distanceKm")).isEqualTo(12.1);
    assertThat(first.getJsonObject("professional").getString("phone")).isEqualTo("+33612345678");
    assertThat(first.getJsonObject("site").getString("communeInsee")).isEqualTo("34301");
    assertThat(first.getJsonObject("slot").getString("kind")).isEqualTo("SNP");
  }

  @Test
  @DisplayName("only slots starting between from + 15 minutes and from + within (24 hours by default)")
  void windowAndLeadTime() {
    String day = "2026-11-27";
    slot(near, day, "08:10");
    slot(mid, day, "08:20");
    slot(far, "2026-11-28", "08:30");
    assertThat(names(search(operator, "communeInsee=34301&" + from(day)).getJsonArray("results")))
        .containsExactly("Milieu");
    assertThat(names(search(operator, "communeInsee=34301&within=PT48H&" + from(day)).getJsonArray("results")))
        .containsExactly("Milieu", "Lointain");
  }

  @Test
  @DisplayName("when fewer than limit are free, nearby professionals who accept extra patients are listed with their phone")
  void overbookingFallback() {
    String day = "2026-11-29";
    slot(near, day, "10:00");
    JsonObject answer = search(operator, "communeInsee=34301&limit=3&" + from(day));
    assertThat(names(answer.getJsonArray("results"))).containsExactly("Proche");
    List<String> candidates = answer.getJsonArray("overbookingCandidates").stream()
        .map(c -> ((JsonObject) c).getJsonObject("professional").getString("familyName")).toList();
    assertThat(candidates).containsExactly("Milieu", "Lointain");
    assertThat(answer.getJsonArray("overbookingCandidates").getJsonObject(0).getJsonObject("professional")
        .getString("phone")).startsWith("+33");
    assertThat(search(operator, "communeInsee=34301&limit=1&" + from(day)).getJsonArray("overbookingCandidates"))
        .isEmpty();
  }

  @Test
  @DisplayName("the patient's territory only by default; acrossTerritories widens to the caller's territories, never beyond")
  void territories() {
    String day = "2026-11-30";
    JsonObject mauguio = Fixtures.aProfessional("GENERAL_PRACTITIONER", Fixtures.MAUGUIO).put("familyName", "Voisin");
    JsonObject neighbour = scenario.professional(mauguio);
    slot(near, day, "09:00");
    new BookingScenario(server, coordinatorOf("search-berange", Fixtures.BERANGE))
        .slot(neighbour, Fixtures.aSlot(neighbour, day + "T09:00:00+01:00", day + "T09:20:00+01:00"));
    String both = server.tokenFor("search-both", List.of("OPERATOR"), List.of(Fixtures.THAU, Fixtures.BERANGE), null);
    String query = "communeInsee=34301&radiusKm=60&" + from(day);
    assertThat(names(search(both, query).getJsonArray("results"))).containsExactly("Proche");
    assertThat(names(search(both, query + "&acrossTerritories=true").getJsonArray("results")))
        .containsExactly("Proche", "Voisin");
    assertThat(names(search(operator, query + "&acrossTerritories=true").getJsonArray("results")))
        .containsExactly("Proche");
    assertProblem(http.get("/api/v1/slots/search?communeInsee=" + Fixtures.MAUGUIO, operator), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("profession and skill filter, radius excludes the far, lat/lon works as a place")
  void filters() {
    String day = "2026-12-01";
    JsonObject withProtocol = scenario.professional(Fixtures.aProfessional("PHARMACIST", Fixtures.SETE)
        .put("familyName", "Protocole").put("skills", new JsonArray().add("CYSTITIS_PROTOCOL")));
    JsonObject without = scenario.professional(Fixtures.aProfessional("PHARMACIST", Fixtures.SETE)
        .put("familyName", "Sansprotocole"));
    slot(withProtocol, day, "09:00");
    slot(without, day, "09:00");
    slot(beyond, day, "09:00");
    slot(near, day, "09:00");
    assertThat(names(search(operator, "communeInsee=34301&profession=PHARMACIST&skill=CYSTITIS_PROTOCOL&" + from(day))
        .getJsonArray("results"))).containsExactly("Protocole");
    assertThat(names(search(operator, "communeInsee=34301&radiusKm=40&" + from(day)).getJsonArray("results")))
        .contains("Horsrayon");
    JsonArray byPosition = search(operator, "lat=43.4028&lon=3.7067&radiusKm=1&" + from(day)).getJsonArray("results");
    assertThat(names(byPosition)).containsExactly("Proche");
    assertThat(byPosition.getJsonObject(0).getDouble("distanceKm")).isEqualTo(0.0);
  }

  @Test
  @DisplayName("bad parameters are 400 naming the field; an administrator may not search")
  void badRequests() {
    assertInvalidField(http.get("/api/v1/slots/search?communeInsee=34301&within=P8D", operator), "within");
    assertInvalidField(http.get("/api/v1/slots/search?communeInsee=34301&within=tomorrow", operator), "within");
    assertInvalidField(http.get("/api/v1/slots/search", operator), "lat");
    assertInvalidField(http.get("/api/v1/slots/search?lat=43.4", operator), "lon");
    assertInvalidField(http.get("/api/v1/slots/search?communeInsee=99999", operator), "communeInsee");
    assertInvalidField(http.get("/api/v1/slots/search?communeInsee=34301&limit=51", operator), "limit");
    assertInvalidField(http.get("/api/v1/slots/search?communeInsee=34301&kinds=SNP,URGENT", operator), "kinds");
    assertInvalidField(http.get("/api/v1/slots/search?communeInsee=34301&profession=WIZARD", operator), "profession");
    assertProblem(http.get("/api/v1/slots/search?communeInsee=34301", server.adminToken()), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("the top results are exact: a same-band site beyond the first read, with an earlier slot, comes first")
  void readsOnUntilTheOrderIsCertain() {
    String day = "2026-12-02";
    for (int i = 0; i < 32; i++) {
      JsonObject neighbour = gpAt("Voisin" + i, 3.7000, false);
      slot(neighbour, day, "10:00");
    }
    JsonObject earlier = gpAt("Matinal", 3.7004, false);
    slot(earlier, day, "09:00");
    JsonArray results = search(operator, "communeInsee=34301&limit=1&" + from(day)).getJsonArray("results");
    assertThat(names(results)).containsExactly("Matinal");
    assertThat(results.getJsonObject(0).getDouble("distanceKm")).isEqualTo(0.3);
    assertThat(names(search(operator, "communeInsee=34301&limit=3&" + from(day)).getJsonArray("results")))
        .first().isEqualTo("Matinal");
  }

  @Test
  @DisplayName("nearer sites of other professions do not hide a GP; a corrected profession moves the sites with it")
  void professionOfTheSites() {
    String day = "2026-12-03";
    JsonObject nurse = Fixtures.aProfessional("NURSE", Fixtures.SETE).put("familyName", "Reconvertie");
    nurse.getJsonArray("sites").getJsonObject(0).put("lat", 43.4028).put("lon", 3.6967);
    JsonObject professional = scenario.professional(nurse);
    slot(professional, day, "09:00");
    JsonObject gp = gpAt("Generaliste", 3.7100, false);
    slot(gp, day, "09:00");
    assertThat(names(search(operator, "communeInsee=34301&" + from(day)).getJsonArray("results")))
        .containsExactly("Generaliste");
    assertThat(names(search(operator, "communeInsee=34301&profession=NURSE&" + from(day)).getJsonArray("results")))
        .containsExactly("Reconvertie");

    var patched = http.patch("/api/v1/professionals/" + professional.getString("id"), coordinator,
        new JsonObject().put("profession", "GENERAL_PRACTITIONER"));
    assertThat(patched.statusCode()).as(patched.bodyAsString()).isEqualTo(200);
    assertThat(names(search(operator, "communeInsee=34301&" + from(day)).getJsonArray("results")))
        .containsExactly("Reconvertie", "Generaliste");
    assertThat(search(operator, "communeInsee=34301&profession=NURSE&" + from(day)).getJsonArray("results"))
        .isEmpty();
  }
}
