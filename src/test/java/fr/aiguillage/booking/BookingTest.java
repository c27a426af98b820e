package fr.aiguillage.booking;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static fr.aiguillage.support.BookingScenario.booking;
import static org.assertj.core.api.Assertions.assertThat;

class BookingTest extends ApiTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private String operator;
  private BookingScenario scenario;
  private JsonObject gp;
  private String patient;

  @BeforeAll
  void accounts() {
    server.tokenFor("booking-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    coordinatorOf("booking-coordinator", Fixtures.THAU);
  }

  @BeforeEach
  void scene() {
    server.clock.set(NOW);
    operator = http.login("booking-operator", "password-of-booking-operator");
    scenario = new BookingScenario(server, http.login("booking-coordinator", "password-of-booking-coordinator"));
    gp = scenario.professional(Fixtures.aGpInSete());
    patient = scenario.patient(Fixtures.aPatientInSete());
  }

  private HttpResponse<Buffer> book(JsonObject body) {
    return http.post("/api/v1/appointments", operator, body);
  }

  /** A 20-minute slot of the GP tomorrow at {@code time} (Paris). */
  private String aFreeSlotTomorrow(String time) {
    java.time.LocalTime start = java.time.LocalTime.parse(time);
    return scenario.slot(gp, "2026-11-24T" + start + ":00+01:00", "2026-11-24T" + start.plusMinutes(20) + ":00+01:00");
  }

  private String slotStatus(String slotId) {
    return http.get("/api/v1/professionals/" + gp.getString("id") + "/slots", operator).bodyAsJsonObject()
        .getJsonArray("items").stream().map(o -> (JsonObject) o).filter(s -> s.getString("id").equals(slotId))
        .findFirst().orElseThrow().getString("status");
  }

  @Test
  @DisplayName("booking a free slot answers 201 with the appointment, and the slot becomes booked")
  void books() {
    String slot = aFreeSlotTomorrow("09:00");
    var response = book(booking(slot, patient));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    JsonObject a = response.bodyAsJsonObject();
    assertThat(a.getString("status")).isEqualTo("booked");
    assertThat(a.getJsonObject("slot").getString("id")).isEqualTo(slot);
    assertThat(a.getJsonObject("slot").getString("start")).isEqualTo("2026-11-24T09:00:00+01:00");
    assertThat(a.getString("patientId")).isEqualTo(patient);
    assertThat(a.getString("professionalId")).isEqualTo(gp.getString("id"));
    assertThat(response.getHeader("Location")).isEqualTo("/api/v1/appointments/" + a.getString("id"));
    assertThat(slotStatus(slot)).isEqualTo("booked");
    assertThat(http.get("/api/v1/appointments/" + a.getString("id"), operator).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a second booking of the same slot is refused with SLOT_TAKEN")
  void slotTaken() {
    String slot = aFreeSlotTomorrow("09:20");
    assertThat(book(booking(slot, patient)).statusCode()).isEqualTo(201);
    assertProblem(book(booking(slot, patient)), 409, "SLOT_TAKEN");
  }

  @Test
  @DisplayName("blocked or cancelled slots answer SLOT_UNAVAILABLE; a started one SLOT_IN_PAST; an unknown one 404")
  void unavailable() {
    String blocked = aFreeSlotTomorrow("10:00");
    server.execute("UPDATE slot SET status = 'blocked' WHERE id = '" + blocked + "'");
    assertProblem(book(booking(blocked, patient)), 409, "SLOT_UNAVAILABLE");
    String cancelled = aFreeSlotTomorrow("10:20");
    server.execute("UPDATE slot SET status = 'cancelled' WHERE id = '" + cancelled + "'");
    assertProblem(book(booking(cancelled, patient)), 409, "SLOT_UNAVAILABLE");
    String soon = aFreeSlotTomorrow("10:40");
    server.clock.set(Instant.parse("2026-11-24T09:41:00Z"));
    operator = http.login("booking-operator", "password-of-booking-operator");
    assertProblem(book(booking(soon, patient)), 409, "SLOT_IN_PAST");
    assertProblem(book(booking("00000000-0000-0000-0000-000000000000", patient)), 404, "NOT_FOUND");
  }

  @Test
  @DisplayName("the same Idempotency-Key and body replays the first answer and books nothing more; another body → 422")
  void idempotentRetry() {
    String slot = aFreeSlotTomorrow("11:00");
    String other = aFreeSlotTomorrow("11:20");
    JsonObject body = booking(slot, patient);
    var first = http.send(HttpMethod.POST, "/api/v1/appointments", operator, body.toBuffer(), "Idempotency-Key", "k-1");
    var retry = http.send(HttpMethod.POST, "/api/v1/appointments", operator, body.toBuffer(), "Idempotency-Key", "k-1");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.bodyAsJsonObject()).isEqualTo(first.bodyAsJsonObject());
    assertThat(server.count("SELECT count(*) FROM appointment WHERE slot_id = '" + slot + "'")).isEqualTo(1);
    var reused = http.send(HttpMethod.POST, "/api/v1/appointments", operator, booking(other, patient).toBuffer(),
        "Idempotency-Key", "k-1");
    assertProblem(reused, 422, "IDEMPOTENCY_KEY_REUSED");
    assertThat(slotStatus(other)).isEqualTo("free");
  }

  @Test
  @DisplayName("cancelling frees the slot, which can then be booked again")
  void cancelThenRebook() {
    String slot = aFreeSlotTomorrow("12:00");
    String id = book(booking(slot, patient)).bodyAsJsonObject().getString("id");
    var cancelled = http.post("/api/v1/appointments/" + id + "/cancel", operator,
        new JsonObject().put("reason", "Le patient a trouvé un autre rendez-vous"));
    assertThat(cancelled.statusCode()).as(cancelled.bodyAsString()).isEqualTo(200);
    assertThat(cancelled.bodyAsJsonObject().getString("status")).isEqualTo("cancelled");
    assertThat(cancelled.bodyAsJsonObject().getInteger("version")).isEqualTo(1);
    assertThat(slotStatus(slot)).isEqualTo("free");
    assertProblem(http.post("/api/v1/appointments/" + id + "/cancel", operator, new JsonObject().put("reason", "x")),
        409, "APPOINTMENT_NOT_BOOKED");
    assertThat(book(booking(slot, patient)).statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("an outcome is recorded only after the start time")
  void outcome() {
    String slot = aFreeSlotTomorrow("13:00");
    String id = book(booking(slot, patient)).bodyAsJsonObject().getString("id");
    String path = "/api/v1/appointments/" + id + "/outcome";
    assertProblem(http.post(path, operator, new JsonObject().put("status", "honoured")), 409,
        "APPOINTMENT_NOT_STARTED");
    server.clock.set(Instant.parse("2026-11-24T12:05:00Z"));
    operator = http.login("booking-operator", "password-of-booking-operator");
    var done = http.post(path, operator, new JsonObject().put("status", "no_show"));
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
    assertThat(done.bodyAsJsonObject().getString("status")).isEqualTo("no_show");
    assertInvalidField(http.post(path, operator, new JsonObject().put("status", "booked")), "status");
  }

  @Test
  @DisplayName("a booking may register the patient on the way; a bad inline patient is a 400 naming the field")
  void inlinePatient() {
    String slot = aFreeSlotTomorrow("14:00");
    JsonObject body = new JsonObject().put("slotId", slot).put("reason", "Angine")
        .put("patient", Fixtures.aPatientInSete().put("familyName", "Nouvelle"));
    var response = book(body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    String newPatient = response.bodyAsJsonObject().getString("patientId");
    assertThat(http.get("/api/v1/patients/" + newPatient, operator).bodyAsJsonObject().getString("familyName"))
        .isEqualTo("Nouvelle");
    String other = aFreeSlotTomorrow("14:20");
    assertInvalidField(book(new JsonObject().put("slotId", other).put("reason", "Angine")
        .put("patient", Fixtures.aPatientInSete().put("phone", "112"))), "patient.phone");
    assertInvalidField(book(new JsonObject().put("slotId", other).put("reason", "Angine")), "patientId");
    assertThat(slotStatus(other)).isEqualTo("free");
  }

  @Test
  @DisplayName("slot.booked and slot.freed are published on the event bus")
  void events() {
    String slot = aFreeSlotTomorrow("15:00");
    Promise<JsonObject> booked = Promise.promise();
    Promise<JsonObject> freed = Promise.promise();
    var consumer = server.vertx.eventBus().<JsonObject>consumer("aiguillage.events", m -> {
      JsonObject e = m.body();
      if (slot.equals(e.getJsonObject("payload").getString("slotId"))) {
        (e.getString("type").equals("slot.booked") ? booked : freed).tryComplete(e);
      }
    });
    Await.result(consumer.completion());
    var response = book(booking(slot, patient));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    String id = response.bodyAsJsonObject().getString("id");
    JsonObject event = Await.result(booked.future());
    assertThat(event.getString("territoryId")).isEqualTo(Fixtures.THAU);
    assertThat(event.getJsonObject("payload").getString("appointmentId")).isEqualTo(id);
    assertThat(event.getLong("id")).isPositive();
    http.post("/api/v1/appointments/" + id + "/cancel", operator, new JsonObject().put("reason", "annulé"));
    assertThat(Await.result(freed.future()).getString("type")).isEqualTo("slot.freed");
    Await.result(consumer.unregister());
  }

  @Test
  @DisplayName("an event written by one instance reaches the event bus of another (LISTEN/NOTIFY)")
  void eventsAcrossInstances() {
    String slot = aFreeSlotTomorrow("15:20");
    try (TestServer other = TestServer.start(server.db, server.clock)) {
      Promise<JsonObject> received = Promise.promise();
      var consumer = other.vertx.eventBus().<JsonObject>consumer("aiguillage.events", m -> {
        if (slot.equals(m.body().getJsonObject("payload").getString("slotId"))) {
          received.tryComplete(m.body());
        }
      });
      Await.result(consumer.completion());
      assertThat(book(booking(slot, patient)).statusCode()).isEqualTo(201);
      assertThat(Await.result(received.future()).getString("type")).isEqualTo("slot.booked");
    }
  }

  @Test
  @DisplayName("who sees which appointments: admin none, a professional their own, an orienter those they booked")
  void visibility() {
    String id = book(booking(aFreeSlotTomorrow("16:00"), patient)).bodyAsJsonObject().getString("id");
    String admin = server.adminToken();
    assertProblem(http.get("/api/v1/appointments", admin), 403, "FORBIDDEN");
    assertProblem(http.post("/api/v1/appointments", admin, booking(aFreeSlotTomorrow("16:20"), patient)),
        403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/patients/" + patient, admin), 403, "FORBIDDEN");

    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    String theGp = server.tokenFor("gp-" + suffix, List.of("PROFESSIONAL"), List.of(Fixtures.THAU), gp.getString("id"));
    assertThat(ids(http.get("/api/v1/appointments", theGp))).contains(id);
    assertThat(http.get("/api/v1/patients/" + patient, theGp).statusCode()).isEqualTo(200);
    String otherGpId = scenario.professional(Fixtures.aGpInSete()).getString("id");
    String otherGp = server.tokenFor("other-gp-" + suffix, List.of("PROFESSIONAL"), List.of(Fixtures.THAU), otherGpId);
    assertThat(ids(http.get("/api/v1/appointments", otherGp))).doesNotContain(id);
    assertProblem(http.get("/api/v1/appointments/" + id, otherGp), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/patients/" + patient, otherGp), 403, "FORBIDDEN");

    String orienter = server.tokenFor("orienter-" + suffix, List.of("ORIENTER"), List.of(Fixtures.THAU), null);
    var own = http.post("/api/v1/appointments", orienter, new JsonObject().put("slotId", aFreeSlotTomorrow("16:40"))
        .put("reason", "Plaie").put("patient", Fixtures.aPatientInSete().put("familyName", "Orientee")));
    assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(201);
    assertThat(ids(http.get("/api/v1/appointments", orienter))).containsExactly(own.bodyAsJsonObject().getString("id"));
    assertProblem(http.get("/api/v1/appointments/" + id, orienter), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/patients/" + patient, orienter), 403, "FORBIDDEN");
    assertThat(http.get("/api/v1/patients/" + own.bodyAsJsonObject().getString("patientId"), orienter).statusCode())
        .isEqualTo(200);
  }

  private static List<String> ids(HttpResponse<Buffer> list) {
    assertThat(list.statusCode()).as(list.bodyAsString()).isEqualTo(200);
    return list.bodyAsJsonObject().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }
}
