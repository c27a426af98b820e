package fr.aiguillage.push;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.aiguillage.push.PushScenario.ok;
import static fr.aiguillage.push.PushScenario.siteOf;
import static org.assertj.core.api.Assertions.assertThat;

/** A request's life through the API: sent, asked, seen, declined, accepted (first wins), withdrawn. */
class PushRequestTest extends ApiTest {

  private PushScenario push;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_PUSH_JOB_SECONDS", "3600");
  }

  @BeforeAll
  void scene() {
    push = new PushScenario(server, "life");
  }

  @Test
  @DisplayName("a request from a fever triage asks the GPs of the first radius who take requests, by SMS with a link")
  void sendAsksFirstRing() {
    JsonObject near = push.gp(Fixtures.SETE);
    JsonObject notTaking = push.professional(Fixtures.aGpInSete());
    JsonObject request = push.send(push.feverTriage(), null);
    assertThat(request.getString("status")).isEqualTo("OPEN");
    assertThat(request.getString("profession")).isEqualTo("GENERAL_PRACTITIONER");
    assertThat(request.getString("urgency")).isEqualTo("SAME_DAY");
    assertThat(request.getString("ageBand")).isEqualTo("40-49");
    assertThat(request.getString("commune")).isEqualTo("Sète");
    assertThat(request.getInteger("currentRing")).isEqualTo(1);
    JsonArray asked = request.getJsonArray("recipients");
    assertThat(asked.stream().map(r -> ((JsonObject) r).getString("professionalId")))
        .contains(near.getString("id")).doesNotContain(notTaking.getString("id"));
    push.tick();
    assertThat(push.token(near)).hasSize(43);
  }

  @Test
  @DisplayName("a VITAL triage cannot be pushed: 422 PUSH_NOT_ALLOWED")
  void vitalRefused() {
    String patient = ok(server.http.post("/api/v1/patients", push.coordinator, Fixtures.aPatientInSete()), 201)
        .getString("id");
    String triage = ok(server.http.post("/api/v1/triage", push.operator, new JsonObject().put("patientId", patient)
        .put("age", 58).put("sex", "M").put("complaint", "OTHER")
        .put("redFlags", new JsonArray().add("CHEST_PAIN"))), 201).getString("id");
    assertProblem(server.http.post("/api/v1/push-requests", push.operator, new JsonObject().put("triageId", triage)),
        422, "PUSH_NOT_ALLOWED");
  }

  @Test
  @DisplayName("the first GP to accept through the link gets the appointment and the patient's name and phone")
  void acceptThroughLink() {
    JsonObject first = push.gp(Fixtures.SETE);
    JsonObject second = push.gp(Fixtures.SETE);
    JsonObject request = push.send(push.feverTriage(), null);
    push.tick();
    String start = request.getString("createdAt").substring(0, 11) + "16:00:00+01:00";
    JsonObject accepted = ok(server.http.post("/api/v1/push-links/" + push.token(first) + "/accept", null,
        new JsonObject().put("start", start).put("siteId", siteOf(first))), 201);
    assertThat(accepted.getJsonObject("patient").getString("lastName")).isEqualTo("Patiente");
    assertThat(accepted.getJsonObject("patient").getString("phone")).startsWith("+33698");
    String appointment = accepted.getString("appointmentId");
    assertThat(server.count("SELECT count(*) FROM appointment WHERE id = '" + appointment + "' AND professional_id = '"
        + first.getString("id") + "' AND status = 'booked'")).isEqualTo(1);
    JsonObject after = push.get(request.getString("id"));
    assertThat(after.getString("status")).isEqualTo("ACCEPTED");
    assertThat(after.getJsonObject("acceptance").getString("appointmentId")).isEqualTo(appointment);
    JsonObject secondView = ok(server.http.get("/api/v1/push-links/" + push.token(second), null), 200);
    assertThat(secondView.getBoolean("closed")).isTrue();
    HttpResponse<Buffer> late = server.http.post("/api/v1/push-links/" + push.token(second) + "/accept", null,
        new JsonObject().put("start", start).put("siteId", siteOf(second)));
    assertThat(assertProblem(late, 409, "PUSH_ALREADY_TAKEN").getString("title")).isEqualTo("Déjà pris en charge, merci");
  }

  @Test
  @DisplayName("an acceptance is booked as a slot is: slot.booked announced, the patient told, the professional's read "
      + "of the patient's name and phone audited")
  void acceptanceBooksLikeASlot() {
    JsonObject gp = push.gp(Fixtures.SETE);
    String pro = push.sessionOf(gp);
    JsonObject request = push.send(push.feverTriage(true), null);
    String start = request.getString("createdAt").substring(0, 11) + "17:00:00+01:00";
    JsonObject accepted = ok(server.http.post("/api/v1/me/push-requests/" + request.getString("id") + "/accept", pro,
        new JsonObject().put("start", start).put("siteId", siteOf(gp))), 201);
    String appointment = accepted.getString("appointmentId");
    assertThat(server.count("SELECT count(*) FROM domain_event WHERE type = 'slot.booked' AND territory_id = '"
        + Fixtures.THAU + "' AND payload::text LIKE '%" + appointment + "%'")).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM notification WHERE appointment_id = '" + appointment
        + "' AND kind = 'CONFIRMATION'")).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE action = 'patient.read' AND territory_id = '"
        + Fixtures.THAU + "' AND detail LIKE '%" + request.getString("id") + "%" + gp.getString("id") + "'"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a decline with its reason, and a sight, show on the senders' view")
  void declineShows() {
    JsonObject gp = push.gp(Fixtures.SETE);
    String pro = push.sessionOf(gp);
    String id = push.send(push.feverTriage(), null).getString("id");
    ok(server.http.get("/api/v1/me/push-requests/" + id, pro), 200);
    HttpResponse<Buffer> declined = server.http.post("/api/v1/me/push-requests/" + id + "/decline", pro,
        new JsonObject().put("reason", "Consultations complètes cet après-midi"));
    assertThat(declined.statusCode()).as(declined.bodyAsString()).isEqualTo(204);
    JsonObject mine = push.get(id).getJsonArray("recipients").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("professionalId").equals(gp.getString("id"))).findFirst().orElseThrow();
    assertThat(mine.getString("seenAt")).isNotNull();
    assertThat(mine.getString("declineReason")).isEqualTo("Consultations complètes cet après-midi");
  }

  @Test
  @DisplayName("a withdrawn request closes every page; an accept then answers 409 PUSH_CLOSED")
  void withdrawCloses() {
    JsonObject gp = push.gp(Fixtures.SETE);
    String pro = push.sessionOf(gp);
    JsonObject request = push.send(push.feverTriage(), null);
    String id = request.getString("id");
    JsonObject withdrawn = ok(server.http.post("/api/v1/push-requests/" + id + "/withdraw", push.operator,
        new JsonObject().put("reason", "Le patient a trouvé un médecin")), 200);
    assertThat(withdrawn.getString("status")).isEqualTo("WITHDRAWN");
    assertThat(ok(server.http.get("/api/v1/me/push-requests/" + id, pro), 200).getBoolean("closed")).isTrue();
    String start = request.getString("createdAt").substring(0, 11) + "16:00:00+01:00";
    assertProblem(server.http.post("/api/v1/me/push-requests/" + id + "/accept", pro,
        new JsonObject().put("start", start).put("siteId", siteOf(gp))), 409, "PUSH_CLOSED");
  }
}
