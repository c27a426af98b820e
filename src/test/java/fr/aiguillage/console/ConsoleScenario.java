package fr.aiguillage.console;

import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The world the console tests act in: accounts, a pharmacist with a free slot, a known caller, a ringing call. */
final class ConsoleScenario {

  static final String THAU_LINE = "+33499000001";
  static final String PASSWORD_PREFIX = "password-of-";

  private final TestServer server;
  private final BookingScenario booking;
  final String coordinator;

  ConsoleScenario(TestServer server) {
    this.server = server;
    this.coordinator = server.tokenFor("coordination-console", List.of("COORDINATOR"), List.of(Fixtures.THAU), null);
    this.booking = new BookingScenario(server, coordinator);
  }

  /** An account whose password is "password-of-" + login; returns its bearer token. */
  String account(String login, String role) {
    return server.tokenFor(login, List.of(role), List.of(Fixtures.THAU), null);
  }

  /** A cystitis-protocol pharmacist in Sète with one SNP slot at this Paris time on the pinned day. */
  Pharmacist pharmacist(String familyName, String startParis) {
    JsonObject body = Fixtures.aProfessional("PHARMACIST", Fixtures.SETE).put("familyName", familyName)
        .put("givenName", "Camille").put("skills", new JsonArray().add("CYSTITIS_PROTOCOL"));
    JsonObject created = booking.professional(body);
    String start = "2026-11-23T" + startParis + ":00+01:00";
    String end = java.time.OffsetDateTime.parse(start).plusMinutes(15)
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return new Pharmacist(created, booking.slot(created, start, end));
  }

  /** A physiotherapist in Sète who accepts an extra patient and has no free slot, with their own phone. */
  JsonObject overbookingPhysiotherapist(String familyName, String phone) {
    return booking.professional(Fixtures.aProfessional("PHYSIOTHERAPIST", Fixtures.SETE).put("familyName", familyName)
        .put("phone", phone).put("acceptsOverbooking", true));
  }

  /** Another slot of this pharmacist at this Paris time on the pinned day. */
  String slot(Pharmacist pharmacist, String startParis) {
    String start = "2026-11-23T" + startParis + ":00+01:00";
    return booking.slot(pharmacist.professional(), start, java.time.OffsetDateTime.parse(start).plusMinutes(15)
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  /** Books the slot for the patient, who consents to SMS; runs the dispatcher; returns the appointment id. */
  String bookedWithSms(String operatorToken, String slotId, String patientId) {
    var response = server.http.post("/api/v1/appointments", operatorToken, BookingScenario.booking(slotId, patientId)
        .put("notification", new JsonObject().put("notificationChannel", "SMS").put("notificationConsent", true)));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    Await.result(server.vertx.eventBus().request(fr.aiguillage.notify.NotifyModule.DISPATCH_ADDRESS, null));
    return response.bodyAsJsonObject().getString("id");
  }

  record Pharmacist(JsonObject professional, String slotId) {
  }

  /** A woman of 42 in Sète whose phone is this number (E.164 written the French way). */
  String patient(String familyName, String phone) {
    return booking.patient(Fixtures.aPatientInSete().put("familyName", familyName).put("phone", phone));
  }

  /** The telephony provider announces a ringing call on the Thau line, signed as the provider signs. */
  void ringing(String providerCallId, String from) throws Exception {
    String body = new JsonObject().put("callId", providerCallId).put("event", "ringing").put("from", from)
        .put("to", THAU_LINE).put("at", server.clock.instant().toString()).encode();
    String timestamp = Long.toString(server.clock.instant().getEpochSecond());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TestServer.TELEPHONY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()));
    var response = Await.result(client.post("/api/v1/telephony/events").putHeader("Content-Type", "application/json")
        .putHeader("X-Aiguillage-Timestamp", timestamp).putHeader("X-Aiguillage-Signature", signature)
        .sendBuffer(Buffer.buffer(body)));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
  }

  long appointmentsOn(String slotId) {
    return server.count("SELECT count(*) FROM appointment WHERE slot_id = '" + slotId + "' AND status = 'booked'");
  }
}
