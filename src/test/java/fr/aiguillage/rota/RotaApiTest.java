package fr.aiguillage.rota;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

/** The rota through HTTP: bands, a month opened, answered, proposed, edited, published, exported. */
class RotaApiTest extends ApiTest {

  private static final String BASE = "/api/v1/rota/" + THAU;

  private String coordinator;
  private String noonBand;
  private final String[] gps = new String[3];
  private final String[] gpTokens = new String[3];

  @BeforeAll
  void bandsAndVolunteers() {
    coordinator = coordinatorOf("coord-rota", THAU);
    noonBand = created(http.post(BASE + "/bands", coordinator, new JsonObject().put("label", "Midi")
        .put("days", new JsonArray(List.of(1, 2, 3, 4, 5))).put("start", "12:00").put("end", "14:00")
        .put("capacity", 4))).getString("id");
    created(http.post(BASE + "/bands", coordinator, new JsonObject().put("label", "Samedi matin")
        .put("days", new JsonArray(List.of(6))).put("start", "09:00").put("end", "12:00")));
    created(http.post(BASE + "/bands", coordinator, new JsonObject().put("label", "Jour férié")
        .put("holidays", true).put("start", "10:00").put("end", "12:00")));
    for (int i = 0; i < gps.length; i++) {
      gps[i] = createProfessional(Fixtures.aGpInSete()).getString("id");
      gpTokens[i] = server.tokenFor("gp-rota-" + i, List.of("PROFESSIONAL"), List.of(THAU), gps[i]);
    }
  }

  @Test
  @DisplayName("a proposed month fills what the volunteers offer, never on a day marked impossible, and lists gaps")
  void proposalRespectsImpossibleDaysAndListsGaps() {
    open("2027-05");
    volunteer(0, "2027-05", 6, new JsonArray().add(new JsonObject().put("day", "2027-05-03")));
    volunteer(1, "2027-05", 6, new JsonArray());
    volunteer(2, "2027-05", 6, new JsonArray());
    JsonObject summary = ok(http.post(BASE + "/months/2027-05/proposal", coordinator, null));
    assertThat(summary.getInteger("held")).isEqualTo(18);
    assertThat(summary.getJsonArray("gaps")).hasSize(summary.getInteger("places") - 18);
    assertThat(summary.getDouble("largestGap")).isLessThanOrEqualTo(1.0);
    JsonObject month = ok(http.get(BASE + "/months/2027-05", coordinator));
    assertThat(month.getString("status")).isEqualTo("PROPOSED");
    List<JsonObject> grid = places(month);
    assertThat(grid).filteredOn(p -> "2027-05-03".equals(p.getString("day")))
        .noneMatch(p -> gps[0].equals(p.getString("professionalId")));
    assertThat(grid).filteredOn(p -> "2027-05-06".equals(p.getString("day")))
        .extracting(p -> p.getString("bandLabel")).containsExactly("Jour férié");
    assertThat(month.getInteger("gaps")).isEqualTo(summary.getJsonArray("gaps").size());
  }

  @Test
  @DisplayName("a published month keeps its history: opened, proposed and published, each with who and why")
  void publishedMonthHasItsHistory() {
    open("2027-06");
    volunteer(1, "2027-06", 3, new JsonArray());
    ok(http.post(BASE + "/months/2027-06/proposal", coordinator, null));
    assertThat(http.post(BASE + "/months/2027-06/publication", coordinator, null).statusCode()).isEqualTo(204);
    JsonArray history = new JsonArray(http.get(BASE + "/months/2027-06/history", coordinator).bodyAsString());
    assertThat(history.stream().map(h -> ((JsonObject) h).getString("action")).toList())
        .containsExactly("OPENED", "PROPOSED", "PUBLISHED");
    assertThat(history.stream().map(h -> ((JsonObject) h).getString("accountId")).distinct().toList()).hasSize(1)
        .doesNotContainNull();
  }

  @Test
  @DisplayName("putting a professional on two places at once by hand is refused with DUTY_OVERLAP")
  void twoPlacesAtOnceAreRefusedByTheDatabase() {
    String monthPath = BASE + "/months/2027-07";
    open("2027-07");
    List<JsonObject> grid = places(ok(http.get(monthPath, coordinator)));
    JsonObject first = grid.stream().filter(p -> "Midi".equals(p.getString("bandLabel"))).findFirst().orElseThrow();
    String sector = first.getString("sectorId");
    String otherSector = created(http.post(BASE + "/sectors", coordinator, new JsonObject().put("name", "Frontignan")))
        .getString("id");
    assertThat(otherSector).isNotEqualTo(sector);
    ok(put(BASE + "/places/" + first.getString("placeId"), coordinator,
        new JsonObject().put("professionalId", gps[2]).put("why", "remplace un absent")));
    JsonObject twin = created(http.post(BASE + "/bands", coordinator, new JsonObject().put("label", "Midi bis")
        .put("sectorId", otherSector).put("days", new JsonArray(List.of(1, 2, 3, 4, 5))).put("start", "13:00")
        .put("end", "15:00")));
    open("2027-08");
    List<JsonObject> august = places(ok(http.get(BASE + "/months/2027-08", coordinator)));
    JsonObject noon = august.stream().filter(p -> noonBand.equals(p.getString("bandId"))).findFirst().orElseThrow();
    JsonObject overlapping = august.stream().filter(p -> twin.getString("id").equals(p.getString("bandId"))
        && p.getString("day").equals(noon.getString("day"))).findFirst().orElseThrow();
    ok(put(BASE + "/places/" + noon.getString("placeId"), coordinator,
        new JsonObject().put("professionalId", gps[2]).put("why", "volontaire")));
    assertProblem(put(BASE + "/places/" + overlapping.getString("placeId"), coordinator,
        new JsonObject().put("professionalId", gps[2]).put("why", "volontaire")), 409, "DUTY_OVERLAP");
  }

  @Test
  @DisplayName("a GP gives a published duty away and another volunteer of the sector takes it")
  void dutyGivenAwayIsTakenByAnotherVolunteer() {
    open("2027-09");
    volunteer(0, "2027-09", 2, new JsonArray());
    volunteer(1, "2027-09", 0, new JsonArray());
    volunteer(2, "2027-09", 1, new JsonArray());
    ok(http.post(BASE + "/months/2027-09/proposal", coordinator, null));
    assertThat(http.post(BASE + "/months/2027-09/publication", coordinator, null).statusCode()).isEqualTo(204);
    JsonObject duty = places(ok(http.get(BASE + "/months/2027-09", coordinator))).stream()
        .filter(p -> gps[0].equals(p.getString("professionalId"))).findFirst().orElseThrow();
    String path = BASE + "/places/" + duty.getString("placeId");
    assertThat(ok(http.post(path + "/give-away", gpTokens[0], new JsonObject().put("why", "congrès")))
        .getBoolean("givenAway")).isTrue();
    assertProblem(http.post(path + "/take", gpTokens[1], null), 409, "NOT_A_VOLUNTEER");
    JsonObject taken = ok(http.post(path + "/take", gpTokens[2], null));
    assertThat(taken.getString("professionalId")).isEqualTo(gps[2]);
    assertThat(taken.getBoolean("givenAway")).isFalse();
    assertThat(new JsonArray(http.get("/api/v1/rota/duties", gpTokens[2]).bodyAsString()).stream()
        .map(d -> ((JsonObject) d).getString("placeId"))).contains(duty.getString("placeId"));
  }

  @Test
  @DisplayName("a GP reads back their own answer for the month, not a colleague's, and nothing before answering")
  void answerIsReadBackByItsAuthorOnly() {
    open("2028-02");
    String path = BASE + "/months/2028-02/availability/";
    assertProblem(http.get(path + gps[0], gpTokens[0]), 404, "NOT_FOUND");
    volunteer(0, "2028-02", 4, new JsonArray().add(new JsonObject().put("day", "2028-02-02")));
    JsonObject answer = ok(http.get(path + gps[0], gpTokens[0]));
    assertThat(answer.getInteger("offered")).isEqualTo(4);
    assertThat(answer.getJsonArray("impossible").getJsonObject(0).getString("day")).isEqualTo("2028-02-02");
    assertThat(ok(http.get(path + gps[0], coordinator)).getInteger("offered")).isEqualTo(4);
    assertProblem(http.get(path + gps[0], gpTokens[1]), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("the month exports as a French spreadsheet: BOM, semicolons, one line per place")
  void monthExportsAsCsv() {
    open("2027-10");
    HttpResponse<Buffer> csv = http.get(BASE + "/months/2027-10/export.csv", coordinator);
    assertThat(csv.statusCode()).isEqualTo(200);
    String text = csv.bodyAsString();
    assertThat(text).startsWith("\uFEFFsecteur;jour;plage;début;fin;place;professionnel;raison;cédée;patients;capacité");
    int places = ok(http.get(BASE + "/months/2027-10", coordinator)).getInteger("places");
    assertThat(text.lines().count()).isEqualTo(places + 1);
    assertThat(text).contains("non pourvue");
  }

  @Test
  @DisplayName("the coordinator's home lists the gaps of the next 72 hours, and only a coordinator proposes")
  void gapsOfTheNext72Hours() {
    open("2026-11");
    List<String> days = new JsonArray(http.get(BASE + "/gaps", coordinator).bodyAsString()).stream()
        .map(g -> (JsonObject) g).filter(g -> noonBand.equals(g.getString("bandId")))
        .map(g -> g.getString("day")).collect(Collectors.toList());
    assertThat(days).containsExactly("2026-11-23", "2026-11-24", "2026-11-25");
    assertProblem(http.post(BASE + "/months/2026-11/proposal", gpTokens[0], null), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("the coordinator prints the month: French A4 landscape page, sectors × days × bands, holders and gaps")
  void printableMonth() {
    open("2027-11");
    JsonObject first = places(ok(http.get(BASE + "/months/2027-11", coordinator))).stream()
        .filter(p -> noonBand.equals(p.getString("bandId"))).findFirst().orElseThrow();
    ok(put(BASE + "/places/" + first.getString("placeId"), coordinator,
        new JsonObject().put("professionalId", gps[1]).put("why", "volontaire")));
    HttpResponse<Buffer> page = http.get(BASE + "/months/2027-11/print", coordinator);
    assertThat(page.statusCode()).as(page.bodyAsString()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.getHeader("Content-Security-Policy")).contains("style-src 'sha256-").doesNotContain("unsafe");
    assertThat(page.bodyAsString()).contains("<html lang=\"fr\">", "size:A4 landscape", "novembre 2027",
        "Midi", "12:00–14:00", "Dr Testeur Alix", "non pourvue", "lun. 1");
    assertProblem(http.get(BASE + "/months/2027-11/print", gpTokens[0]), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("a volunteer is never proposed on a duty during an absence of their agenda")
  void proposalKeepsOffAbsences() {
    open("2027-12");
    HttpResponse<Buffer> absence = http.post("/api/v1/professionals/" + gps[0] + "/absences", coordinator,
        new JsonObject().put("from", "2027-12-06T00:00:00+01:00").put("to", "2027-12-09T00:00:00+01:00"));
    assertThat(absence.statusCode()).as(absence.bodyAsString()).isEqualTo(201);
    volunteer(0, "2027-12", 20, new JsonArray());
    ok(http.post(BASE + "/months/2027-12/proposal", coordinator, null));
    List<JsonObject> held = places(ok(http.get(BASE + "/months/2027-12", coordinator))).stream()
        .filter(p -> gps[0].equals(p.getString("professionalId"))).toList();
    assertThat(held).isNotEmpty().extracting(p -> p.getString("day"))
        .doesNotContain("2027-12-06", "2027-12-07", "2027-12-08");
  }

  private void open(String month) {
    created(http.post(BASE + "/months", coordinator, new JsonObject().put("month", month)
        .put("deadline", "2030-01-01T00:00:00+01:00")));
  }

  private void volunteer(int gp, String month, int offered, JsonArray impossible) {
    HttpResponse<Buffer> r = put(BASE + "/months/" + month + "/availability/" + gps[gp], gpTokens[gp],
        new JsonObject().put("offered", offered).put("impossible", impossible));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(204);
  }

  private HttpResponse<Buffer> put(String path, String token, JsonObject body) {
    return http.send(HttpMethod.PUT, path, token, body.toBuffer());
  }

  private static List<JsonObject> places(JsonObject month) {
    return month.getJsonArray("grid").stream().map(p -> (JsonObject) p).toList();
  }

  private static JsonObject created(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  private static JsonObject ok(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }
}
