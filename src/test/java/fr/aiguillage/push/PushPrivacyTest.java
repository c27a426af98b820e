package fr.aiguillage.push;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.aiguillage.push.PushScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** Nothing identifying before acceptance, and links that only do what they were made for. */
class PushPrivacyTest extends ApiTest {

  private PushScenario push;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_PUSH_JOB_SECONDS", "3600");
  }

  @BeforeAll
  void scene() {
    push = new PushScenario(server, "privacy");
  }

  @Test
  @DisplayName("every read a recipient can make, and the SMS and e-mail, hold no name, phone, birth date or patient id")
  void nothingIdentifying() {
    JsonObject bySms = push.gp(Fixtures.SETE);
    JsonObject byMail = push.professional(Fixtures.aGpInSete().put("email", "dr.courriel@example.org"));
    push.takesRequests(byMail, true);
    ok(server.http.send(HttpMethod.PUT, "/api/v1/professionals/" + byMail.getString("id")
        + "/notification-settings", push.coordinator, new JsonObject().put("emailBookings", true).toBuffer()), 200);
    JsonObject request = push.send(push.feverTriage(), null);
    String id = request.getString("id");
    JsonObject patient = ok(server.http.get("/api/v1/patients/" + request.getString("patientId"), push.coordinator),
        200);
    push.tick();
    String session = push.sessionOf(bySms);
    List<String> reads = new ArrayList<>();
    reads.add(server.http.get("/api/v1/me/push-requests", session).bodyAsString());
    reads.add(server.http.get("/api/v1/me/push-requests/" + id, session).bodyAsString());
    reads.add(server.http.get("/api/v1/push-links/" + push.token(bySms), null).bodyAsString());
    JsonObject sms = push.messages().get(bySms.getString("phone"));
    JsonObject mail = push.messages().get("dr.courriel@example.org");
    reads.add(server.http.get("/api/v1/push-links/" + PushScenario.tokenIn(mail), null).bodyAsString());
    assertThat(sms.getString("channel")).isEqualTo("SMS");
    assertThat(mail.getString("channel")).isEqualTo("EMAIL");
    reads.add(sms.getString("body"));
    reads.add(mail.getString("subject") + "\n" + mail.getString("body"));
    assertThat(reads.get(1)).contains("\"ageBand\":\"40-49\"").contains("Sète");
    String national = "0" + patient.getString("phone").substring(3);
    for (String read : reads) {
      assertThat(read).doesNotContain(patient.getString("familyName")).doesNotContain(patient.getString("givenName"))
          .doesNotContain(patient.getString("phone")).doesNotContain(national)
          .doesNotContain(patient.getString("birthDate")).doesNotContain("17/05/1984")
          .doesNotContain(patient.getString("id")).doesNotContain("patientId");
    }
  }

  @Test
  @DisplayName("a link altered by one character is refused: 404 PUSH_LINK_UNKNOWN")
  void alteredLink() {
    JsonObject gp = push.gp(Fixtures.SETE);
    push.send(push.feverTriage(), null);
    push.tick();
    String token = push.token(gp);
    String altered = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
    assertProblem(server.http.get("/api/v1/push-links/" + altered, null), 404, "PUSH_LINK_UNKNOWN");
    assertProblem(server.http.post("/api/v1/push-links/" + altered + "/decline", null, new JsonObject()), 404,
        "PUSH_LINK_UNKNOWN");
  }

  @Test
  @DisplayName("a link used with another professional's session is refused: 403 PUSH_LINK_NOT_YOURS")
  void someoneElsesLink() {
    JsonObject gp = push.gp(Fixtures.SETE);
    JsonObject other = push.gp(Fixtures.SETE);
    push.send(push.feverTriage(), null);
    push.tick();
    HttpResponse<Buffer> refused = server.http.get("/api/v1/push-links/" + push.token(gp), push.sessionOf(other));
    assertProblem(refused, 403, "PUSH_LINK_NOT_YOURS");
    assertThat(ok(server.http.get("/api/v1/push-links/" + push.token(gp), push.sessionOf(gp)), 200).getBoolean("closed"))
        .isFalse();
  }

  @Test
  @DisplayName("a link past its request's deadline is refused: 410 PUSH_LINK_EXPIRED")
  void expiredLink() {
    JsonObject gp = push.gp(Fixtures.SETE);
    JsonObject request = push.send(push.feverTriage(), null);
    push.tick();
    String token = push.token(gp);
    Instant before = server.clock.instant();
    server.clock.set(Instant.parse(request.getString("deadline")).plus(Duration.ofMinutes(1)));
    try {
      assertProblem(server.http.get("/api/v1/push-links/" + token, null), 410, "PUSH_LINK_EXPIRED");
      assertProblem(server.http.post("/api/v1/push-links/" + token + "/accept", null, new JsonObject()
          .put("start", "2026-11-23T18:00:00+01:00").put("siteId", PushScenario.siteOf(gp))), 410,
          "PUSH_LINK_EXPIRED");
    } finally {
      server.clock.set(before);
    }
  }
}
