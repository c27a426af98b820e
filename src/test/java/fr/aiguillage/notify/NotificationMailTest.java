package fr.aiguillage.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** E-mail through a real SMTP server in the test JVM (GreenMail); SMS to the journal (no gateway configured). */
class NotificationMailTest extends ApiTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final String PRO_MAIL = "dr.testeur@cabinet.example";

  private GreenMail smtp;
  private String operator;
  private String coordinator;
  private BookingScenario scenario;

  @Override
  protected Map<String, String> settings() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    return Map.of("AIGUILLAGE_MAIL_SMTP_HOST", "localhost",
        "AIGUILLAGE_MAIL_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
        "AIGUILLAGE_MAIL_STARTTLS", "DISABLED", "AIGUILLAGE_MAIL_FROM", "CPTS du Bassin <ne-pas-repondre@cpts.example>",
        "AIGUILLAGE_NOTIFY_DISPATCH_INTERVAL_MILLIS", "3600000");
  }

  @AfterAll
  void stopSmtp() {
    smtp.stop();
  }

  @BeforeAll
  void accounts() {
    server.tokenFor("mail-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    coordinatorOf("mail-coordinator", Fixtures.THAU);
  }

  @BeforeEach
  void scene() {
    server.clock.set(NOW);
    operator = http.login("mail-operator", "password-of-mail-operator");
    coordinator = http.login("mail-coordinator", "password-of-mail-coordinator");
    scenario = new BookingScenario(server, coordinator);
  }

  private JsonObject aGpWantingEmails(String privacy, String email) {
    JsonObject gp = scenario.professional(Fixtures.aGpInSete().put("email", email));
    String base = "/api/v1/professionals/" + gp.getString("id");
    assertThat(http.send(io.vertx.core.http.HttpMethod.PUT, base + "/notification-settings", coordinator,
        new JsonObject().put("emailBookings", true).toBuffer()).statusCode()).isEqualTo(200);
    assertThat(http.send(io.vertx.core.http.HttpMethod.PUT, base + "/calendar-settings", coordinator,
        new JsonObject().put("privacy", privacy).toBuffer()).statusCode()).isEqualTo(200);
    return gp;
  }

  private String book(JsonObject gp, String start, String end, JsonObject patient) {
    String slot = scenario.slot(gp, start, end);
    var response = http.post("/api/v1/appointments", operator,
        new JsonObject().put("slotId", slot).put("patient", patient).put("reason", "Douleur à l'oreille"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject().getString("id");
  }

  private List<MimeMessage> to(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static VEvent invitation(MimeMessage message, String method) throws Exception {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if ("rendez-vous.ics".equals(part.getFileName())) {
        try (InputStream in = part.getInputStream()) {
          Calendar calendar = new CalendarBuilder().build(in);
          assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
          return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        }
      }
    }
    throw new AssertionError("no rendez-vous.ics attachment");
  }

  @Test
  @DisplayName("a patient who chose e-mail gets the confirmation by SMTP, with what to bring and the cancel link")
  void patientByEmail() throws Exception {
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String address = "zoe.patiente@example.org";
    book(gp, "2026-11-24T10:00:00+01:00", "2026-11-24T10:20:00+01:00", Fixtures.aPatientInSete()
        .put("email", address).put("notificationChannel", "EMAIL").put("notificationConsent", true));
    Dispatch.now(server);
    List<MimeMessage> received = to(address);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getSubject()).isEqualTo("Votre rendez-vous du mardi 24 novembre à 10 h 00 est confirmé");
    assertThat(received.get(0).getFrom()[0].toString()).contains("ne-pas-repondre@cpts.example");
    String text = received.get(0).getContent().toString();
    assertThat(text).contains("Bonjour Zoé", "Alix Testeur", "1 quai de test", "carte Vitale", "/annulation/")
        .doesNotContain("oreille");
  }

  @Test
  @DisplayName("a professional who asked for e-mails gets the booking as METHOD:REQUEST and the cancellation as"
      + " METHOD:CANCEL, same UID as their feed, SEQUENCE bumped, the patient only as initials (their feed's setting)")
  void professionalInvitations() throws Exception {
    JsonObject gp = aGpWantingEmails("initials", PRO_MAIL);
    String appointment = book(gp, "2026-11-24T11:00:00+01:00", "2026-11-24T11:20:00+01:00",
        Fixtures.aPatientInSete().put("phone", "06 20 00 00 01"));
    Dispatch.now(server);
    assertThat(to(PRO_MAIL)).hasSize(1);
    VEvent request = invitation(to(PRO_MAIL).get(0), "REQUEST");
    assertThat(request.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(appointment + "@aiguillage");
    assertThat(request.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
    assertThat(request.getProperty(Property.SUMMARY).orElseThrow().getValue()).contains("Z. P.")
        .doesNotContain("Patiente", "Zoé");
    assertThat(to(PRO_MAIL).get(0).getContent().toString()).doesNotContain("oreille");

    var cancelled = http.post("/api/v1/appointments/" + appointment + "/cancel", operator,
        new JsonObject().put("reason", "Le patient ne peut pas venir"));
    assertThat(cancelled.statusCode()).isEqualTo(200);
    Dispatch.now(server);
    assertThat(to(PRO_MAIL)).hasSize(2);
    VEvent cancel = invitation(to(PRO_MAIL).get(1), "CANCEL");
    assertThat(cancel.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(appointment + "@aiguillage");
    assertThat(cancel.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
    assertThat(cancel.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
  }

  @Test
  @DisplayName("a professional with privacy 'none' gets invitations without any patient identity")
  void professionalWithoutIdentity() throws Exception {
    JsonObject gp = aGpWantingEmails("none", "dr.discrete@cabinet.example");
    book(gp, "2026-11-24T12:00:00+01:00", "2026-11-24T12:20:00+01:00", Fixtures.aPatientInSete());
    Dispatch.now(server);
    assertThat(to("dr.discrete@cabinet.example")).hasSize(1);
    MimeMessage mail = to("dr.discrete@cabinet.example").get(0);
    VEvent event = invitation(mail, "REQUEST");
    assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).doesNotContain("Z. P.", "Patiente");
    assertThat(mail.getContent().toString()).doesNotContain("Patient :", "Patiente", "Zoé");
  }

  @Test
  @DisplayName("with no SMS gateway configured, the SMS goes to the journal, which the territory's staff can read")
  void journal() {
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    book(gp, "2026-11-24T13:00:00+01:00", "2026-11-24T13:20:00+01:00",
        Fixtures.aPatientInSete().put("phone", "06 20 00 00 02").put("notificationConsent", true));
    Dispatch.now(server);
    var journal = http.get("/api/v1/notification-journal?territoryId=" + Fixtures.THAU, operator);
    assertThat(journal.statusCode()).as(journal.bodyAsString()).isEqualTo(200);
    assertThat(journal.bodyAsJsonObject().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(e -> e.getString("recipient").equals("+33620000002")).toList())
        .singleElement().satisfies(e -> {
          assertThat(e.getString("channel")).isEqualTo("SMS");
          assertThat(e.getString("body")).contains("24/11 13h00", "/annulation/");
        });
    String professional = server.tokenFor("mail-pro", List.of("PROFESSIONAL"), List.of(Fixtures.THAU),
        gp.getString("id"));
    assertProblem(http.get("/api/v1/notification-journal", professional), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/notification-journal?territoryId=" + Fixtures.BERANGE, operator), 403,
        "FORBIDDEN");
  }
}
