package fr.aiguillage.notify;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Patients told by SMS through an HTTP gateway (a local stub that records and fails on demand). */
class NotificationTest extends ApiTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final Pattern LINK = Pattern.compile("https?://\\S+(/annulation/\\S+)");

  private SmsGatewayStub gateway;
  private String operator;
  private BookingScenario scenario;
  private JsonObject gp;

  @Override
  protected Map<String, String> settings() {
    gateway = new SmsGatewayStub();
    return Map.of("AIGUILLAGE_SMS_GATEWAY_URL", gateway.url(), "AIGUILLAGE_SMS_GATEWAY_TOKEN", "token-for-tests",
        "AIGUILLAGE_SMS_SENDER", "CPTS-TEST", "AIGUILLAGE_NOTIFY_DISPATCH_INTERVAL_MILLIS", "3600000",
        "AIGUILLAGE_NOTIFY_MAX_ATTEMPTS", "3");
  }

  @AfterAll
  void stopGateway() {
    gateway.close();
  }

  @BeforeAll
  void accounts() {
    server.tokenFor("notify-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    coordinatorOf("notify-coordinator", Fixtures.THAU);
  }

  @BeforeEach
  void scene() {
    server.clock.set(NOW);
    operator = http.login("notify-operator", "password-of-notify-operator");
    scenario = new BookingScenario(server, http.login("notify-coordinator", "password-of-notify-coordinator"));
    gp = scenario.professional(Fixtures.aGpInSete());
  }

  /** Books a 20-minute slot at this Paris time for a new patient with this phone, consenting or not. */
  private String book(String start, String phone, Boolean consent) {
    String slot = scenario.slot(gp, start, java.time.OffsetDateTime.parse(start).plusMinutes(20).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    JsonObject patient = Fixtures.aPatientInSete().put("phone", phone);
    if (consent != null) {
      patient.put("notificationConsent", consent);
    }
    var response = http.post("/api/v1/appointments", operator,
        new JsonObject().put("slotId", slot).put("patient", patient).put("reason", "Fièvre depuis 2 jours"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject().getString("id");
  }

  private JsonArray notifications(String appointmentId) {
    var response = http.get("/api/v1/appointments/" + appointmentId + "/notifications", operator);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("items");
  }

  private JsonObject notification(String appointmentId, String kind) {
    return notifications(appointmentId).stream().map(o -> (JsonObject) o)
        .filter(n -> n.getString("kind").equals(kind)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("a booking with consent sends one confirmation SMS (when, with whom, where, a cancel link) through the gateway")
  void confirmation() {
    String patient = scenario.patient(Fixtures.aPatientInSete().put("phone", "06 10 00 00 01"));
    String slot = scenario.slot(gp, "2026-11-24T10:00:00+01:00", "2026-11-24T10:20:00+01:00");
    var booked = http.post("/api/v1/appointments", operator, BookingScenario.booking(slot, patient)
        .put("notification", new JsonObject().put("notificationChannel", "SMS").put("notificationConsent", true)));
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    Dispatch.now(server);
    Dispatch.now(server);

    List<SmsGatewayStub.Received> received = gateway.to("+33610000001");
    assertThat(received).hasSize(1);
    assertThat(received.get(0).authorization()).isEqualTo("Bearer token-for-tests");
    assertThat(received.get(0).body().getString("from")).isEqualTo("CPTS-TEST");
    assertThat(received.get(0).body().getString("text")).contains("24/11 10h00", "Alix Testeur", "1 quai de test",
        "carte Vitale", "/annulation/").doesNotContain("Fièvre");
    JsonObject confirmation = notification(booked.bodyAsJsonObject().getString("id"), "CONFIRMATION");
    assertThat(confirmation.getString("status")).as(confirmation.encode()).isEqualTo("sent");
    assertThat(confirmation.getString("smsEncoding")).isEqualTo("GSM-7");
    assertThat(confirmation.getJsonArray("attempts")).hasSize(1);
    assertThat(http.get("/api/v1/patients/" + patient, operator).bodyAsJsonObject().getString("notificationConsentAt"))
        .isEqualTo("2026-11-23T10:00:00+01:00");
  }

  @Test
  @DisplayName("the reminder of a next-day slot goes the evening before at 18:00 Paris time, not a second earlier")
  void reminderEveningBefore() {
    String appointment = book("2026-11-24T10:00:00+01:00", "06 10 00 00 02", true);
    Dispatch.now(server);
    assertThat(notification(appointment, "REMINDER").getString("dueAt")).isEqualTo("2026-11-23T18:00:00+01:00");

    server.clock.set(Instant.parse("2026-11-23T16:59:59Z"));
    Dispatch.now(server);
    assertThat(gateway.deliveredTo("+33610000002")).hasSize(1);

    server.clock.set(Instant.parse("2026-11-23T17:00:00Z"));
    Dispatch.now(server);
    assertThat(gateway.deliveredTo("+33610000002")).hasSize(2);
    assertThat(gateway.deliveredTo("+33610000002").get(1)).startsWith("Rappel").contains("24/11 10h00");
    assertThat(notification(appointment, "REMINDER").getString("status")).isEqualTo("sent");
  }

  @Test
  @DisplayName("the reminder of a same-day slot goes 2 hours before it")
  void reminderSameDay() {
    String appointment = book("2026-11-23T15:00:00+01:00", "06 10 00 00 03", true);
    assertThat(notification(appointment, "REMINDER").getString("dueAt")).isEqualTo("2026-11-23T13:00:00+01:00");
    server.clock.set(Instant.parse("2026-11-23T12:00:00Z"));
    Dispatch.now(server);
    assertThat(gateway.deliveredTo("+33610000003")).hasSize(2);
  }

  @Test
  @DisplayName("nothing is sent about a slot that has already started (a reminder left behind is skipped)")
  void nothingForPastSlot() {
    String appointment = book("2026-11-23T15:00:00+01:00", "06 10 00 00 04", true);
    Dispatch.now(server);
    server.clock.set(Instant.parse("2026-11-23T14:30:00Z"));
    Dispatch.now(server);
    assertThat(gateway.deliveredTo("+33610000004")).hasSize(1);
    JsonObject reminder = notification(appointment, "REMINDER");
    assertThat(reminder.getString("status")).isEqualTo("skipped");
    assertThat(reminder.getString("skipReason")).isEqualTo("slot already started");
  }

  @Test
  @DisplayName("a patient without consent is sent nothing, and nothing is queued")
  void noConsent() {
    String appointment = book("2026-11-24T11:00:00+01:00", "06 10 00 00 05", null);
    Dispatch.now(server);
    server.clock.set(Instant.parse("2026-11-23T17:00:00Z"));
    Dispatch.now(server);
    assertThat(gateway.to("+33610000005")).isEmpty();
    assertThat(notifications(appointment)).isEmpty();
  }

  @Test
  @DisplayName("a gateway failing twice then accepting: the SMS is delivered once, three attempts are recorded")
  void retriesWithBackoff() {
    gateway.failNext(2);
    String appointment = book("2026-11-24T12:00:00+01:00", "06 10 00 00 06", true);
    Dispatch.now(server);
    assertThat(gateway.to("+33610000006")).hasSize(1);
    server.clock.advance(Duration.ofSeconds(29));
    Dispatch.now(server);
    assertThat(gateway.to("+33610000006")).as("backoff of 30 s not yet over").hasSize(1);
    server.clock.advance(Duration.ofSeconds(1));
    Dispatch.now(server);
    server.clock.advance(Duration.ofSeconds(60));
    Dispatch.now(server);

    assertThat(gateway.to("+33610000006").stream().map(SmsGatewayStub.Received::status)).containsExactly(503, 503, 202);
    assertThat(gateway.deliveredTo("+33610000006")).hasSize(1);
    JsonObject confirmation = notification(appointment, "CONFIRMATION");
    assertThat(confirmation.getString("status")).isEqualTo("sent");
    assertThat(confirmation.getJsonArray("attempts").stream().map(a -> ((JsonObject) a).getString("outcome")))
        .containsExactly("failed", "failed", "sent");
    assertThat(confirmation.getJsonArray("attempts").getJsonObject(0).getString("detail"))
        .isEqualTo("gateway answered HTTP 503");
  }

  @Test
  @DisplayName("after the configured number of attempts (3 here) a message is given up, and tried no more")
  void givesUp() {
    gateway.failNext(10);
    String appointment = book("2026-11-24T13:00:00+01:00", "06 10 00 00 07", true);
    for (int i = 0; i < 5; i++) {
      Dispatch.now(server);
      server.clock.advance(Duration.ofMinutes(10));
    }
    gateway.failNext(0);
    assertThat(gateway.to("+33610000007")).hasSize(3);
    JsonObject confirmation = notification(appointment, "CONFIRMATION");
    assertThat(confirmation.getString("status")).isEqualTo("failed");
    assertThat(confirmation.getJsonArray("attempts")).hasSize(3);
  }

  @Test
  @DisplayName("the cancel link shows the appointment without health data, cancels in one action and frees the slot;"
      + " used again it shows that nothing changed")
  void cancelLinkTwice() {
    String appointment = book("2026-11-24T14:00:00+01:00", "06 10 00 00 08", true);
    Dispatch.now(server);
    Matcher link = LINK.matcher(gateway.deliveredTo("+33610000008").get(0));
    assertThat(link.find()).isTrue();
    String path = link.group(1);

    var page = http.get(path, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'").doesNotContain("unsafe-inline");
    assertThat(page.bodyAsString()).contains("mardi 24 novembre à 14 h 00", "Alix Testeur", "Annuler ce rendez-vous")
        .doesNotContain("Fièvre", "Patiente", "<script", "style=");

    var cancelled = http.send(HttpMethod.POST, path, null, null);
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.bodyAsString()).contains("Rendez-vous annulé", "La place est libérée");
    JsonObject a = http.get("/api/v1/appointments/" + appointment, operator).bodyAsJsonObject();
    assertThat(a.getString("status")).isEqualTo("cancelled");
    String freed = "SELECT count(*) FROM domain_event WHERE type = 'slot.freed' AND payload->>'appointmentId' = '"
        + appointment + "'";
    assertThat(server.count(freed)).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM slot WHERE status = 'free' AND id = '"
        + a.getJsonObject("slot").getString("id") + "'")).isEqualTo(1);

    var again = http.send(HttpMethod.POST, path, null, null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsString()).contains("Rendez-vous déjà annulé", "Rien n'a été modifié")
        .doesNotContain("<form");
    assertThat(server.count(freed)).isEqualTo(1);
    assertThat(http.get("/api/v1/appointments/" + appointment, operator).bodyAsJsonObject().getInteger("version"))
        .isEqualTo(a.getInteger("version"));
  }

  @Test
  @DisplayName("a cancel link whose signature is wrong shows a 'lien non valable' page and changes nothing")
  void forgedLink() {
    String appointment = book("2026-11-24T15:00:00+01:00", "06 10 00 00 09", true);
    Dispatch.now(server);
    Matcher link = LINK.matcher(gateway.deliveredTo("+33610000009").get(0));
    assertThat(link.find()).isTrue();
    String forged = link.group(1).substring(0, link.group(1).length() - 2) + "AA";
    var page = http.send(HttpMethod.POST, forged, null, null);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.bodyAsString()).contains("Lien non valable");
    assertThat(http.get("/api/v1/appointments/" + appointment, operator).bodyAsJsonObject().getString("status"))
        .isEqualTo("booked");
  }

  @Test
  @DisplayName("a cancellation by the secretariat tells the patient, and their reminder is not sent")
  void cancellationTold() {
    String appointment = book("2026-11-24T16:00:00+01:00", "06 10 00 00 10", true);
    Dispatch.now(server);
    var cancelled = http.post("/api/v1/appointments/" + appointment + "/cancel", operator,
        new JsonObject().put("reason", "Médecin absent"));
    assertThat(cancelled.statusCode()).as(cancelled.bodyAsString()).isEqualTo(200);
    Dispatch.now(server);
    server.clock.set(Instant.parse("2026-11-23T17:00:00Z"));
    Dispatch.now(server);
    List<String> texts = gateway.deliveredTo("+33610000010");
    assertThat(texts).hasSize(2);
    assertThat(texts.get(1)).contains("annulé").doesNotContain("Médecin absent");
    assertThat(notification(appointment, "REMINDER").getString("status")).isEqualTo("skipped");
  }

  @Test
  @DisplayName("the patient keeps their channel, e-mail and consent time; withdrawing consent clears it; EMAIL needs an address")
  void patientChoices() {
    var created = http.post("/api/v1/patients", operator, Fixtures.aPatientInSete().put("phone", "06 10 00 00 11")
        .put("email", "zoe@example.org").put("notificationChannel", "EMAIL").put("notificationConsent", true));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject patient = created.bodyAsJsonObject();
    assertThat(patient.getString("notificationChannel")).isEqualTo("EMAIL");
    assertThat(patient.getString("email")).isEqualTo("zoe@example.org");
    assertThat(patient.getString("notificationConsentAt")).isEqualTo("2026-11-23T10:00:00+01:00");

    var withdrawn = http.patch("/api/v1/patients/" + patient.getString("id"), operator,
        new JsonObject().put("notificationConsent", false));
    assertThat(withdrawn.statusCode()).isEqualTo(200);
    assertThat(withdrawn.bodyAsJsonObject().getString("notificationConsentAt")).isNull();

    assertInvalidField(http.post("/api/v1/patients", operator, Fixtures.aPatientInSete()
        .put("notificationChannel", "EMAIL").put("notificationConsent", true)), "email");
  }
}
