package fr.aiguillage.rota;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static fr.aiguillage.rota.RotaScene.created;
import static fr.aiguillage.rota.RotaScene.ok;
import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

/** Booking on a duty of a published rota: in the operators' search beside the slots, one transaction, capacity held. */
class DutyBookingTest extends ApiTest {

  private static final String MONTH = "2026-11";

  private RotaScene rota;
  private BookingScenario scenario;
  private String operator;
  private String noon;
  private String patient;

  @BeforeAll
  void publishedMonth() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    String coordinator = coordinatorOf("coord-duty", THAU);
    rota = new RotaScene(http, coordinator);
    scenario = new BookingScenario(server, coordinator);
    operator = server.tokenFor("op-duty", List.of("OPERATOR"), List.of(THAU), null);
    noon = rota.band("Midi", "12:00", "14:00", 4, 15);
    rota.publish(MONTH);
    patient = scenario.patient(Fixtures.aPatientInSete());
  }

  private String gpOnDuty(String day) {
    String gp = scenario.professional(Fixtures.aGpInSete()).getString("id");
    rota.hold(rota.place(MONTH, noon, day), gp);
    return gp;
  }

  private JsonObject onDuty(String placeId) {
    return new JsonObject().put("dutyPlaceId", placeId).put("patientId", patient).put("reason", "Angine")
        .put("notification", new JsonObject().put("notificationChannel", "SMS").put("notificationConsent", true));
  }

  private List<JsonObject> results(String query) {
    return ok(http.get("/api/v1/slots/search?communeInsee=" + Fixtures.SETE + query, operator))
        .getJsonArray("results").stream().map(r -> (JsonObject) r).toList();
  }

  @Test
  @DisplayName("the GP on duty appears in the search beside free slots, marked DUTY, ordered by distance then time")
  void dutyAppearsInSearch() {
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String place = rota.place(MONTH, noon, "2026-11-23");
    rota.hold(place, gp.getString("id"));
    String slot = scenario.slot(gp, "2026-11-23T15:00:00+01:00", "2026-11-23T15:20:00+01:00");
    List<JsonObject> results = results("");
    JsonObject duty = results.stream().filter(r -> "DUTY".equals(r.getString("kind"))).findFirst().orElseThrow();
    assertThat(duty.containsKey("slot")).isFalse();
    assertThat(duty.getJsonObject("duty").getString("placeId")).isEqualTo(place);
    assertThat(duty.getJsonObject("duty").getInteger("remainingPlaces")).isEqualTo(4);
    assertThat(duty.getJsonObject("duty").getString("suggestedStart")).isEqualTo("2026-11-23T12:00:00+01:00");
    assertThat(duty.getJsonObject("duty").getString("bandEnd")).isEqualTo("2026-11-23T14:00:00+01:00");
    assertThat(results.stream().map(r -> r.getString("kind") + ":" + r.getJsonObject("professional").getString("id")))
        .containsSubsequence("DUTY:" + gp.getString("id"), "SLOT:" + gp.getString("id"));
    assertThat(results).anyMatch(r -> r.getJsonObject("slot") != null
        && slot.equals(r.getJsonObject("slot").getString("id")));
  }

  @Test
  @DisplayName("booking on a duty takes the next free step, or the time picked inside the band, with events, audit, SMS")
  void bookingTakesStepsOrPickedTime() {
    String gp = gpOnDuty("2026-11-24");
    String place = rota.place(MONTH, noon, "2026-11-24");
    JsonObject first = created(http.post("/api/v1/appointments", operator, onDuty(place)));
    JsonObject second = created(http.post("/api/v1/appointments", operator, onDuty(place)));
    JsonObject picked = created(http.post("/api/v1/appointments", operator,
        onDuty(place).put("start", "2026-11-24T13:07:00+01:00")));
    assertThat(first.getJsonObject("slot").getString("start")).isEqualTo("2026-11-24T12:00:00+01:00");
    assertThat(second.getJsonObject("slot").getString("start")).isEqualTo("2026-11-24T12:15:00+01:00");
    assertThat(picked.getJsonObject("slot").getString("start")).isEqualTo("2026-11-24T13:07:00+01:00");
    assertThat(first.getString("professionalId")).isEqualTo(gp);
    assertInvalidField(http.post("/api/v1/appointments", operator,
        onDuty(place).put("start", "2026-11-24T14:00:00+01:00")), "start");
    String id = first.getString("id");
    assertThat(server.count("SELECT count(*) FROM domain_event WHERE type = 'slot.booked'"
        + " AND payload->>'appointmentId' = '" + id + "'")).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE action = 'appointment.book'"
        + " AND entity_id = '" + id + "'")).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM notification WHERE appointment_id = '" + id + "'")).isPositive();
    assertThat(server.count("SELECT booked FROM rota_assignment WHERE place_id = '" + place + "'")).isEqualTo(3);
  }

  @Test
  @DisplayName("the same Idempotency-Key books a duty once and replays the answer")
  void idempotentDutyBooking() {
    gpOnDuty("2026-11-27");
    String place = rota.place(MONTH, noon, "2026-11-27");
    Buffer body = onDuty(place).toBuffer();
    HttpResponse<Buffer> one = http.send(HttpMethod.POST, "/api/v1/appointments", operator, body,
        "Idempotency-Key", "duty-key-1");
    HttpResponse<Buffer> two = http.send(HttpMethod.POST, "/api/v1/appointments", operator, body,
        "Idempotency-Key", "duty-key-1");
    assertThat(one.statusCode()).as(one.bodyAsString()).isEqualTo(201);
    assertThat(two.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(two.bodyAsJsonObject().getString("id")).isEqualTo(one.bodyAsJsonObject().getString("id"));
    assertThat(server.count("SELECT booked FROM rota_assignment WHERE place_id = '" + place + "'")).isEqualTo(1);
  }

  @Test
  @DisplayName("100 concurrent bookings on a duty of capacity 4: four 201, 96 DUTY_FULL, four appointments")
  void hundredConcurrentBookingsOnCapacityFour() {
    String gp = gpOnDuty("2026-11-25");
    String place = rota.place(MONTH, noon, "2026-11-25");
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(100));
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      JsonObject body = onDuty(place);
      body.remove("notification");
      calls.add(client.post("/api/v1/appointments").bearerTokenAuthentication(operator).sendJsonObject(body));
    }
    Await.result(Future.join(calls));
    List<Integer> statuses = calls.stream().map(f -> f.result().statusCode()).toList();
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(4);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(96);
    assertThat(calls.stream().filter(f -> f.result().statusCode() == 409)
        .map(f -> f.result().bodyAsJsonObject().getString("code"))).containsOnly("DUTY_FULL");
    assertThat(server.count("SELECT count(*) FROM appointment a JOIN slot s ON s.id = a.slot_id"
        + " WHERE s.duty_place_id = '" + place + "' AND a.status = 'booked' AND a.professional_id = '" + gp + "'"))
        .isEqualTo(4);
    assertThat(server.count("SELECT count(*) FROM slot WHERE duty_place_id = '" + place + "'")).isEqualTo(4);
    assertThat(server.count("SELECT booked FROM rota_assignment WHERE place_id = '" + place + "'")).isEqualTo(4);
    assertThat(results("&from=2026-11-25T08:00:00%2B01:00")).noneMatch(r -> r.getJsonObject("duty") != null
        && place.equals(r.getJsonObject("duty").getString("placeId")));
  }

  @Test
  @DisplayName("a duty with a patient cannot be dropped and lists them; a cancellation gives the place back, never a free slot")
  void droppedDutyListsPatientsAndCancellationGivesThePlaceBack() {
    gpOnDuty("2026-11-26");
    String place = rota.place(MONTH, noon, "2026-11-26");
    JsonObject booked = created(http.post("/api/v1/appointments", operator, onDuty(place)));
    JsonObject problem = assertProblem(rota.assign(place, null), 409, "DUTY_HAS_PATIENTS");
    assertThat(problem.getJsonArray("appointments").stream().map(a -> ((JsonObject) a).getString("appointmentId")))
        .containsExactly(booked.getString("id"));
    assertThat(ok(http.get("/api/v1/appointments/" + booked.getString("id"), operator)).getString("status"))
        .isEqualTo("booked");
    ok(http.post("/api/v1/appointments/" + booked.getString("id") + "/cancel", operator,
        new JsonObject().put("reason", "le patient ne viendra pas")));
    assertThat(server.count("SELECT booked FROM rota_assignment WHERE place_id = '" + place + "'")).isZero();
    assertThat(server.count("SELECT count(*) FROM slot WHERE duty_place_id = '" + place + "' AND status <> 'cancelled'"))
        .isZero();
    ok(rota.assign(place, null));
  }

  @Test
  @DisplayName("the GP sees the duty with its patients in their agenda, and as a busy block without patient data in their feed")
  void dutyInAgendaAndFeed() throws Exception {
    String gp = gpOnDuty("2026-11-30");
    String place = rota.place(MONTH, noon, "2026-11-30");
    String booked = created(http.post("/api/v1/appointments", operator, onDuty(place))).getString("id");
    String self = server.tokenFor("gp-duty-agenda", List.of("PROFESSIONAL"), List.of(THAU), gp);
    JsonObject mine = new JsonArray(http.get("/api/v1/rota/duties", self).bodyAsString()).stream()
        .map(d -> (JsonObject) d).filter(d -> place.equals(d.getString("placeId"))).findFirst().orElseThrow();
    assertThat(mine.getJsonArray("appointments").getJsonObject(0).getString("appointmentId")).isEqualTo(booked);
    assertThat(mine.getJsonArray("appointments").getJsonObject(0).getString("patientId")).isEqualTo(patient);
    var issued = http.post("/api/v1/professionals/" + gp + "/calendar-feed", rota.coordinator(), null);
    assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
    HttpResponse<Buffer> feed = http.get(java.net.URI.create(issued.bodyAsJsonObject().getString("url")).getPath(),
        null);
    assertThat(feed.statusCode()).isEqualTo(200);
    net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
        .build(new java.io.StringReader(feed.bodyAsString()));
    net.fortuna.ical4j.model.component.VEvent duty = calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents(
            "VEVENT").stream().filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().equals("duty-" + place + "@aiguillage"))
        .findFirst().orElseThrow();
    assertThat(duty.getProperty(Property.SUMMARY).orElseThrow().getValue()).startsWith("Garde SNP");
    assertThat(duty.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20261130T120000");
    assertThat(duty.getProperty(Property.DTSTART).orElseThrow().toString()).contains("TZID=Europe/Paris");
    assertThat(duty.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20261130T140000");
    assertThat(duty.toString()).contains("1 patient").doesNotContain("Patiente").doesNotContain("Zoé")
        .doesNotContain(patient);
  }

  @Test
  @DisplayName("an absence over a duty shows the conflict before it is saved, and is saved with confirm")
  void absenceOverDutyIsConfirmedFirst() {
    String gp = gpOnDuty("2026-11-20");
    String place = rota.place(MONTH, noon, "2026-11-20");
    JsonObject absence = new JsonObject().put("from", "2026-11-20T00:00:00+01:00")
        .put("to", "2026-11-21T00:00:00+01:00").put("reason", "formation");
    JsonObject problem = assertProblem(http.post("/api/v1/professionals/" + gp + "/absences", rota.coordinator(),
        absence), 409, "ABSENCE_OVER_DUTY");
    assertThat(problem.getJsonArray("duties").getJsonObject(0).getString("placeId")).isEqualTo(place);
    assertThat(server.count("SELECT count(*) FROM absence WHERE professional_id = '" + gp + "'")).isZero();
    JsonObject saved = created(http.post("/api/v1/professionals/" + gp + "/absences", rota.coordinator(),
        absence.copy().put("confirm", true)));
    assertThat(saved.getJsonArray("duties").getJsonObject(0).getString("placeId")).isEqualTo(place);
  }

  @Test
  @DisplayName("a duty booking names a slot or a duty, not both, and a gap cannot be booked")
  void shapeAndGap() {
    String gap = rota.place(MONTH, noon, "2026-11-19");
    assertInvalidField(http.post("/api/v1/appointments", operator,
        onDuty(gap).put("slotId", "0b0c7c52-58b1-4f3e-9a57-2d8a8f0e3a11")), "slotId");
    assertProblem(http.post("/api/v1/appointments", operator, onDuty(gap)), 409, "DUTY_NOT_HELD");
  }
}
