package fr.aiguillage.rota;

import fr.aiguillage.notify.DirectOutbox;
import fr.aiguillage.support.Await;
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

import static fr.aiguillage.rota.RotaScene.BASE;
import static fr.aiguillage.rota.RotaScene.created;
import static fr.aiguillage.rota.RotaScene.ok;
import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A duty given away is told to the sector's other volunteers of the month through issue 16's channels (SMS, or e-mail
 * for who chose it), one message each, without patient data; the first volunteer who takes it holds it.
 */
class DutyOfferNoticeTest extends ApiTest {

  private static final String MONTH = "2026-12";

  private RotaScene rota;
  private BookingScenario scenario;
  private String coordinator;
  private String operator;
  private String noon;
  private String otherSector;

  @BeforeAll
  void bandAndSectors() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    coordinator = coordinatorOf("coord-offer", THAU);
    operator = server.tokenFor("op-offer", List.of("OPERATOR"), List.of(THAU), null);
    rota = new RotaScene(http, coordinator);
    scenario = new BookingScenario(server, coordinator);
    noon = rota.band("Midi", "12:00", "14:00", 4, 15);
    otherSector = created(http.post(BASE + "/sectors", coordinator, new JsonObject().put("name", "Frontignan")))
        .getString("id");
  }

  @Test
  @DisplayName("giving a duty away sends one message to each other volunteer of the sector, none to anyone else")
  void otherVolunteersOfTheSectorAreTold() {
    Gp giver = gp("06 11 22 33 01");
    Gp bySms = gp("06 11 22 33 02");
    Gp byMail = gp("06 11 22 33 03");
    Gp notThisMonth = gp("06 11 22 33 04");
    Gp elsewhere = gp("06 11 22 33 05");
    gp("06 11 22 33 06");
    ok(http.send(HttpMethod.PATCH, "/api/v1/professionals/" + byMail.id, coordinator,
        new JsonObject().put("email", "dr.garde@cabinet.example").toBuffer()));
    ok(http.send(HttpMethod.PUT, "/api/v1/professionals/" + byMail.id + "/notification-settings", coordinator,
        new JsonObject().put("emailBookings", true).toBuffer()));
    open(MONTH);
    volunteer(MONTH, giver, 3, null);
    volunteer(MONTH, bySms, 2, null);
    volunteer(MONTH, byMail, 1, null);
    volunteer(MONTH, notThisMonth, 0, null);
    volunteer(MONTH, elsewhere, 2, otherSector);
    ok(http.post(BASE + "/months/" + MONTH + "/proposal", coordinator, null));
    assertThat(http.post(BASE + "/months/" + MONTH + "/publication", coordinator, null).statusCode()).isEqualTo(204);
    String place = rota.place(MONTH, noon, "2026-12-02");
    rota.hold(place, giver.id);
    String patient = scenario.patient(Fixtures.aPatientInSete());
    created(http.post("/api/v1/appointments", operator, new JsonObject().put("dutyPlaceId", place)
        .put("patientId", patient).put("reason", "Angine")));

    ok(http.post(BASE + "/places/" + place + "/give-away", giver.token, new JsonObject().put("why", "congrès")));
    sendAllPending();

    List<JsonObject> told = offers().stream().filter(m -> m.getString("recipient").startsWith("+336112233")
        || m.getString("recipient").equals("dr.garde@cabinet.example")).toList();
    assertThat(told).extracting(m -> m.getString("recipient"))
        .containsExactlyInAnyOrder("+33611223302", "dr.garde@cabinet.example");
    JsonObject sms = told.stream().filter(m -> "SMS".equals(m.getString("channel"))).findFirst().orElseThrow();
    assertThat(sms.getString("body")).contains("Midi", "mercredi 2 décembre 2026", "12 h 00", "14 h 00",
        "/#/mes-gardes");
    JsonObject mail = told.stream().filter(m -> "EMAIL".equals(m.getString("channel"))).findFirst().orElseThrow();
    assertThat(mail.getString("subject")).contains("Garde à reprendre");
    assertThat(mail.getString("body")).contains("Mes gardes", "/#/mes-gardes");
    assertThat(told).allSatisfy(m -> assertThat(m.encode()).doesNotContain("Patiente", "Zoé", "98 76", "987654",
        "Angine", patient));
  }

  @Test
  @DisplayName("the first volunteer who takes a duty given away holds it; the next one is refused DUTY_NOT_OFFERED")
  void firstTakerHoldsIt() {
    Gp giver = gp("06 11 22 34 01");
    Gp first = gp("06 11 22 34 02");
    Gp second = gp("06 11 22 34 03");
    open("2027-01");
    volunteer("2027-01", giver, 1, null);
    volunteer("2027-01", first, 1, null);
    volunteer("2027-01", second, 1, null);
    String place = rota.place("2027-01", noon, "2027-01-13");
    rota.hold(place, giver.id);
    ok(http.post(BASE + "/places/" + place + "/give-away", giver.token, new JsonObject().put("why", "malade")));
    assertThat(ok(http.post(BASE + "/places/" + place + "/take", first.token, null)).getString("professionalId"))
        .isEqualTo(first.id);
    assertProblem(http.post(BASE + "/places/" + place + "/take", second.token, null), 409, "DUTY_NOT_OFFERED");
  }

  private record Gp(String id, String token) {
  }

  private Gp gp(String phone) {
    String id = createProfessional(Fixtures.aGpInSete().put("phone", phone)).getString("id");
    return new Gp(id, server.tokenFor("gp-" + phone.replace(" ", ""), List.of("PROFESSIONAL"), List.of(THAU), id));
  }

  private void open(String month) {
    created(http.post(BASE + "/months", coordinator, new JsonObject().put("month", month)
        .put("deadline", "2026-11-30T23:59:00+01:00")));
  }

  private void volunteer(String month, Gp gp, int offered, String sectorId) {
    JsonObject answer = new JsonObject().put("offered", offered).put("impossible", new JsonArray());
    if (sectorId != null) {
      answer.put("sectorId", sectorId);
    }
    HttpResponse<Buffer> r = http.send(HttpMethod.PUT, BASE + "/months/" + month + "/availability/" + gp.id, gp.token,
        answer.toBuffer());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(204);
  }

  /** Runs the direct messages' sender, as its timer would, until nothing is pending (the kick may hold some). */
  private void sendAllPending() {
    do {
      Await.result(server.vertx.eventBus().request(DirectOutbox.SEND_ADDRESS, null));
    } while (server.count("SELECT count(*) FROM direct_notice WHERE status = 'pending'") > 0);
  }

  /** The duty offers written to the journal (no gateway configured here). */
  private List<JsonObject> offers() {
    return ok(http.get("/api/v1/notification-journal?territoryId=" + THAU + "&limit=500", coordinator))
        .getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(m -> m.getString("body").contains("mes-gardes")).toList();
  }
}
