package fr.aiguillage.booking;

import fr.aiguillage.notify.NotifyModule;
import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/appointments/{id}/move}: one transaction, a booking's guarantees, the "moved" messages. */
class MoveAppointmentTest extends ApiTest {

  private String operator;
  private BookingScenario scenario;
  private JsonObject gp;

  @Override
  protected Map<String, String> settings() {
    // no SMTP, no SMS gateway: messages go to the journal; the dispatcher runs when the test asks
    return Map.of("AIGUILLAGE_NOTIFY_DISPATCH_INTERVAL_MILLIS", "3600000");
  }

  @BeforeAll
  void scene() {
    operator = server.tokenFor("move-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    String coordinator = coordinatorOf("move-coordinator", Fixtures.THAU);
    scenario = new BookingScenario(server, coordinator);
    gp = scenario.professional(Fixtures.aGpInSete().put("familyName", "Deplace").put("email", "dr.deplace@example.org"));
    var wants = http.send(io.vertx.core.http.HttpMethod.PUT, "/api/v1/professionals/" + gp.getString("id")
        + "/notification-settings", coordinator, new JsonObject().put("emailBookings", true).toBuffer());
    assertThat(wants.statusCode()).as(wants.bodyAsString()).isEqualTo(200);
  }

  /** A free 20-minute slot of the GP on 24 November at this Paris time ("10:00"). */
  private String slot(String time) {
    return slot("2026-11-24", time);
  }

  private String slot(String day, String time) {
    String start = day + "T" + time + ":00+01:00";
    return scenario.slot(gp, start, OffsetDateTime.parse(start).plusMinutes(20).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  /** A patient consenting to SMS, booked into a new slot at this time; returns the appointment. */
  private JsonObject booked(String time, String phone) {
    return booked("2026-11-24", time, phone);
  }

  private JsonObject booked(String day, String time, String phone) {
    String patient = scenario.patient(Fixtures.aPatientInSete().put("phone", phone));
    var response = http.post("/api/v1/appointments", operator, BookingScenario.booking(slot(day, time), patient)
        .put("notification", new JsonObject().put("notificationChannel", "SMS").put("notificationConsent", true)));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> move(JsonObject appointment, String slotId, String key) {
    JsonObject body = new JsonObject().put("slotId", slotId).put("reason", "Le patient préfère l'après-midi");
    return key == null ? http.post(path(appointment), operator, body)
        : http.send(io.vertx.core.http.HttpMethod.POST, path(appointment), operator, body.toBuffer(),
            "Idempotency-Key", key);
  }

  private static String path(JsonObject appointment) {
    return "/api/v1/appointments/" + appointment.getString("id") + "/move";
  }

  private static String slotOf(JsonObject appointment) {
    return appointment.getJsonObject("slot").getString("id");
  }

  private long count(String sql) {
    return server.count(sql);
  }

  @Test
  @DisplayName("a move cancels the old appointment, frees its slot, books the new slot for the same patient, and logs slot.freed and slot.booked")
  void moveFreesTheOldSlotAndBooksTheNewOne() {
    JsonObject old = booked("09:00", "06 10 00 01 01");
    String target = slot("14:00");
    var response = move(old, target, null);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject moved = response.bodyAsJsonObject();
    assertThat(slotOf(moved)).isEqualTo(target);
    assertThat(moved.getString("patientId")).isEqualTo(old.getString("patientId"));
    assertThat(moved.getString("status")).isEqualTo("booked");

    JsonObject before = http.get("/api/v1/appointments/" + old.getString("id"), operator).bodyAsJsonObject();
    assertThat(before.getString("status")).isEqualTo("cancelled");
    assertThat(before.getString("cancelReason")).isEqualTo("déplacé : Le patient préfère l'après-midi");
    assertThat(count("SELECT count(*) FROM slot WHERE id = '" + slotOf(old) + "' AND status = 'free'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM slot WHERE id = '" + target + "' AND status = 'booked'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM appointment WHERE id = '" + moved.getString("id") + "' AND moved_from = '"
        + old.getString("id") + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM domain_event WHERE type = 'slot.freed' AND payload->>'slotId' = '"
        + slotOf(old) + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM domain_event WHERE type = 'slot.booked' AND payload->>'slotId' = '"
        + target + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'appointment.move.from' AND entity_id = '"
        + old.getString("id") + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'appointment.move.to' AND entity_id = '"
        + moved.getString("id") + "'")).isEqualTo(1);
  }

  @Test
  @DisplayName("a move retried with the same Idempotency-Key answers the same new appointment and moves once")
  void retryWithTheSameKeyMovesOnce() {
    JsonObject old = booked("09:20", "06 10 00 01 02");
    String target = slot("14:20");
    String key = UUID.randomUUID().toString();
    var first = move(old, target, key);
    var again = move(old, target, key);
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);
    assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(200);
    assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.bodyAsJsonObject().getString("id")).isEqualTo(first.bodyAsJsonObject().getString("id"));
    assertThat(count("SELECT count(*) FROM appointment WHERE patient_id = '" + old.getString("patientId") + "'"))
        .isEqualTo(2);
  }

  @Test
  @DisplayName("when the new slot was taken meanwhile, the move is refused with 409 SLOT_TAKEN and the old appointment is untouched")
  void takenSlotLeavesTheOldAppointmentUntouched() {
    JsonObject old = booked("09:40", "06 10 00 01 03");
    String target = slot("14:40");
    String other = scenario.patient(Fixtures.aPatientInSete().put("phone", "06 10 00 01 33"));
    assertThat(http.post("/api/v1/appointments", operator, BookingScenario.booking(target, other)).statusCode())
        .isEqualTo(201);

    assertProblem(move(old, target, UUID.randomUUID().toString()), 409, "SLOT_TAKEN");
    JsonObject after = http.get("/api/v1/appointments/" + old.getString("id"), operator).bodyAsJsonObject();
    assertThat(after.getString("status")).isEqualTo("booked");
    assertThat(after.getInteger("version")).isEqualTo(old.getInteger("version"));
    assertThat(count("SELECT count(*) FROM slot WHERE id = '" + slotOf(old) + "' AND status = 'booked'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM domain_event WHERE type = 'slot.freed' AND payload->>'slotId' = '"
        + slotOf(old) + "'")).isZero();
  }

  @Test
  @DisplayName("six appointments moved at once onto one slot: exactly one moves, the five others get 409 and keep their appointment")
  void concurrentMovesOntoOneSlot() {
    List<JsonObject> olds = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      olds.add(booked("2026-11-25", String.format("1%d:00", i), "06 10 00 02 0" + i));
    }
    String target = slot("2026-11-25", "17:00");
    WebClient client = WebClient.create(server.vertx);
    List<Future<HttpResponse<Buffer>>> sent = olds.stream().map(a -> client.post(server.port(), "localhost", path(a))
        .putHeader("Authorization", "Bearer " + operator).putHeader("Idempotency-Key", UUID.randomUUID().toString())
        .sendJsonObject(new JsonObject().put("slotId", target))).toList();
    Await.result(Future.join(sent));
    List<Integer> statuses = sent.stream().map(f -> f.result().statusCode()).sorted().toList();
    assertThat(statuses).containsExactly(200, 409, 409, 409, 409, 409);
    sent.stream().filter(f -> f.result().statusCode() == 409)
        .forEach(f -> assertThat(f.result().bodyAsJsonObject().getString("code")).isEqualTo("SLOT_TAKEN"));
    assertThat(count("SELECT count(*) FROM appointment WHERE slot_id = '" + target + "' AND status = 'booked'"))
        .isEqualTo(1);
    long stillBooked = olds.stream().filter(a -> count("SELECT count(*) FROM appointment WHERE id = '"
        + a.getString("id") + "' AND status = 'booked'") == 1).count();
    assertThat(stillBooked).isEqualTo(5);
  }

  @Test
  @DisplayName("the patient is told once that the appointment moved, and the professional gets an iCalendar CANCEL for the old and a REQUEST for the new")
  void movedMessages() {
    JsonObject old = booked("08:00", "06 10 00 03 01");
    String target = slot("15:40");
    JsonObject moved = move(old, target, UUID.randomUUID().toString()).bodyAsJsonObject();
    Await.result(server.vertx.eventBus().request(NotifyModule.DISPATCH_ADDRESS, null));

    List<String> newKinds = kinds(moved);
    assertThat(newKinds).contains("MOVED", "PRO_BOOKING").doesNotContain("CONFIRMATION", "CANCELLATION");
    assertThat(kinds(old)).contains("PRO_CANCELLATION").doesNotContain("CANCELLATION");
    assertThat(count("SELECT count(*) FROM notification WHERE appointment_id = '" + old.getString("id")
        + "' AND kind IN ('CONFIRMATION', 'REMINDER') AND status = 'pending'")).isZero();
    String sms = journal("MOVED", moved, "body");
    assertThat(sms).contains("RDV déplacé au", "24/11 15h40", "Alix Deplace", "/annulation/");
    assertThat(journal("PRO_CANCELLATION", old, "attachment")).contains("METHOD:CANCEL");
    assertThat(journal("PRO_BOOKING", moved, "attachment")).contains("METHOD:REQUEST");
  }

  private List<String> kinds(JsonObject appointment) {
    var response = http.get("/api/v1/appointments/" + appointment.getString("id") + "/notifications", operator);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("items").stream()
        .map(n -> ((JsonObject) n).getString("kind")).toList();
  }

  /** A column of the journal entry written for this message of this appointment. */
  private String journal(String kind, JsonObject appointment, String column) {
    try (var c = java.sql.DriverManager.getConnection(server.db.jdbcUrl(), server.db.user(), server.db.password());
         var rs = c.createStatement().executeQuery("SELECT j." + column + " FROM notification_journal j"
             + " JOIN notification n ON n.id = j.notification_id WHERE n.kind = '" + kind + "' AND n.appointment_id = '"
             + appointment.getString("id") + "'")) {
      assertThat(rs.next()).as(kind + " in the journal").isTrue();
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
