package fr.aiguillage.waitlist;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WaitlistTest extends ApiTest {

  private String coordinator;
  private String orienter;
  private BookingScenario scenario;
  private int serial;

  @BeforeAll
  void accounts() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    coordinator = coordinatorOf("wl-coordinator", Fixtures.THAU);
    orienter = server.tokenFor("wl-orienter", List.of("ORIENTER"), List.of(Fixtures.THAU), null);
    scenario = new BookingScenario(server, coordinator);
  }

  private JsonObject person(String family, String given, String born, String phone, String... fragility) {
    return new JsonObject().put("familyName", family).put("givenName", given).put("birthDate", born)
        .put("phone", phone).put("communeInsee", Fixtures.SETE).put("fragility", new JsonArray(List.of(fragility)));
  }

  private String uniquePhone() {
    return String.format("06 77 %02d %02d %02d", serial / 10000 % 100, serial / 100 % 100, serial++ % 100);
  }

  private HttpResponse<Buffer> report(String token, JsonObject patient) {
    return http.post("/api/v1/waitlist", token, new JsonObject().put("patient", patient).put("source", "PROFESSIONAL")
        .put("notes", "Suivi diabète à organiser"));
  }

  private JsonObject reported(JsonObject patient) {
    var response = report(orienter, patient);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private JsonObject gpWithCapacity(int capacity) {
    return scenario.professional(Fixtures.aGpInSete().put("mtCapacity", capacity));
  }

  private String gpToken(JsonObject gp) {
    return server.tokenFor("wl-gp-" + serial++, List.of("PROFESSIONAL"), List.of(Fixtures.THAU), gp.getString("id"));
  }

  private JsonObject propose(String requestId, JsonObject gp) {
    var response = http.post("/api/v1/waitlist/" + requestId + "/proposals", coordinator,
        new JsonObject().put("professionalId", gp.getString("id")).put("notes", "Patiente fragile, à voir vite"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  @Test
  @DisplayName("the same person reported again — other case, no accents, other phone — is 409 ALREADY_ON_WAITLIST with the id")
  void duplicates() {
    JsonObject first = reported(person("Dupré", "Élodie", "1950-03-02", uniquePhone()));
    var again = report(orienter, person("DUPRE", "elodie", "1950-03-02", uniquePhone()));
    JsonObject problem = assertProblem(again, 409, "ALREADY_ON_WAITLIST");
    assertThat(problem.getString("existingId")).isEqualTo(first.getString("id"));
    String phone = uniquePhone();
    JsonObject byPhone = reported(person("Martin", "Paul", "1961-01-01", phone));
    assertThat(assertProblem(report(orienter, person("Autre", "Nom", "1990-02-02", phone)), 409, "ALREADY_ON_WAITLIST")
        .getString("existingId")).isEqualTo(byPhone.getString("id"));
  }

  @Test
  @DisplayName("priority: fragility first (with its reasons), then time waited; the list is ordered by it")
  void priorities() {
    JsonObject fragile = reported(person("Prio", "Haute", "1950-05-05", uniquePhone(), "ALD"));
    JsonObject css = reported(person("Prio", "Moyenne", "1985-05-05", uniquePhone(), "CSS"));
    JsonObject none = reported(person("Prio", "Basse", "1990-05-05", uniquePhone()));
    assertThat(fragile.getJsonArray("reasons").getList()).containsExactly("ALD", "AGE_70_PLUS");
    assertThat(fragile.getInteger("priority")).isEqualTo(70);
    assertThat(css.getJsonArray("reasons").getList()).containsExactly("CSS_OR_AME");
    assertThat(none.getInteger("priority")).isZero();
    List<String> order = http.get("/api/v1/waitlist?status=OPEN&limit=500", coordinator).bodyAsJsonObject()
        .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList();
    assertThat(order.indexOf(fragile.getString("id"))).isLessThan(order.indexOf(css.getString("id")));
    assertThat(order.indexOf(css.getString("id"))).isLessThan(order.indexOf(none.getString("id")));
    server.clock.set(Instant.parse("2027-05-23T09:00:00Z"));
    try {
      String later = http.login("wl-coordinator", "password-of-wl-coordinator");
      assertThat(http.get("/api/v1/waitlist/" + none.getString("id"), later).bodyAsJsonObject().getInteger("priority"))
          .as("six months waited at 2 points a month").isEqualTo(12);
    } finally {
      server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
      coordinator = http.login("wl-coordinator", "password-of-wl-coordinator");
    }
  }

  @Test
  @DisplayName("GP then patient agree: ASSIGNED, capacity down by one, the patient has an MT; history and audit kept")
  void gpFirst() {
    JsonObject gp = gpWithCapacity(2);
    JsonObject request = reported(person("Flux", "Un", "1948-01-01", uniquePhone(), "ALD"));
    JsonObject proposal = propose(request.getString("id"), gp);
    String doctor = gpToken(gp);
    JsonObject seen = http.get("/api/v1/me/mt-proposals", doctor).bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0);
    assertThat(seen.getJsonObject("patient").getString("familyName")).isEqualTo("Flux");
    assertThat(seen.getJsonObject("patient").getInteger("age")).isEqualTo(78);
    assertThat(seen.getJsonObject("patient").getJsonArray("reasons").getList()).contains("ALD");
    assertThat(seen.getJsonObject("patient").getString("notes")).isEqualTo("Patiente fragile, à voir vite");
    assertThat(seen.encode()).doesNotContain("+33").doesNotContain("birthDate");
    String pid = proposal.getString("id");
    assertThat(http.post("/api/v1/mt-proposals/" + pid + "/accept", doctor, null).bodyAsJsonObject()
        .getString("status")).isEqualTo("PENDING");
    var done = http.post("/api/v1/mt-proposals/" + pid + "/patient-accept", coordinator, null);
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
    assertThat(done.bodyAsJsonObject().getString("status")).isEqualTo("ACCEPTED");
    JsonObject after = http.get("/api/v1/waitlist/" + request.getString("id"), coordinator).bodyAsJsonObject();
    assertThat(after.getString("status")).isEqualTo("ASSIGNED");
    assertThat(after.getString("assignedTo")).isEqualTo(gp.getString("id"));
    assertThat(after.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("to")))
        .containsExactly("OPEN", "PROPOSED", "ASSIGNED");
    assertThat(http.get("/api/v1/professionals/" + gp.getString("id"), coordinator).bodyAsJsonObject()
        .getInteger("mtCapacity")).isEqualTo(1);
    assertThat(http.get("/api/v1/patients/" + request.getString("patientId"), coordinator).bodyAsJsonObject()
        .getBoolean("hasMt")).isTrue();
    List<String> actions = http.get("/api/v1/audit?entityType=waitlist&limit=500", server.adminToken())
        .bodyAsJsonObject().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(r -> request.getString("id").equals(r.getString("entityId"))).map(r -> r.getString("action")).toList();
    assertThat(actions).contains("waitlist.report", "waitlist.proposed", "waitlist.assigned");
  }

  @Test
  @DisplayName("patient then GP agree works too; a GP decline (with its reason) reopens the request")
  void patientFirstAndDecline() {
    JsonObject gp = gpWithCapacity(3);
    String doctor = gpToken(gp);
    JsonObject request = reported(person("Flux", "Deux", "1980-01-01", uniquePhone()));
    String pid = propose(request.getString("id"), gp).getString("id");
    http.post("/api/v1/mt-proposals/" + pid + "/patient-accept", coordinator, null);
    assertThat(http.post("/api/v1/mt-proposals/" + pid + "/accept", doctor, null).bodyAsJsonObject()
        .getString("status")).isEqualTo("ACCEPTED");

    JsonObject other = reported(person("Flux", "Trois", "1981-01-01", uniquePhone()));
    String second = propose(other.getString("id"), gp).getString("id");
    assertInvalidField(http.post("/api/v1/mt-proposals/" + second + "/decline", doctor, new JsonObject()), "reason");
    var declined = http.post("/api/v1/mt-proposals/" + second + "/decline", doctor,
        new JsonObject().put("reason", "Patientèle complète ce mois-ci"));
    assertThat(declined.bodyAsJsonObject().getString("status")).isEqualTo("DECLINED");
    JsonObject reopened = http.get("/api/v1/waitlist/" + other.getString("id"), coordinator).bodyAsJsonObject();
    assertThat(reopened.getString("status")).isEqualTo("OPEN");
    assertThat(reopened.getJsonArray("history").getJsonObject(2).getString("reason"))
        .contains("Patientèle complète");
    assertProblem(http.post("/api/v1/mt-proposals/" + second + "/accept", doctor, null), 409, "PROPOSAL_ANSWERED");
  }

  @Test
  @DisplayName("two acceptances for a GP with room for one: one succeeds, the other is 409 NO_MT_CAPACITY")
  void capacityRace() {
    JsonObject gp = gpWithCapacity(1);
    String doctor = gpToken(gp);
    String a = propose(reported(person("Course", "A", "1970-01-01", uniquePhone())).getString("id"), gp).getString("id");
    String b = propose(reported(person("Course", "B", "1971-01-01", uniquePhone())).getString("id"), gp).getString("id");
    http.post("/api/v1/mt-proposals/" + a + "/patient-accept", coordinator, null);
    http.post("/api/v1/mt-proposals/" + b + "/patient-accept", coordinator, null);
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()));
    var first = client.post("/api/v1/mt-proposals/" + a + "/accept").bearerTokenAuthentication(doctor).send();
    var second = client.post("/api/v1/mt-proposals/" + b + "/accept").bearerTokenAuthentication(doctor).send();
    Await.result(Future.join(first, second));
    List<Integer> statuses = List.of(first.result().statusCode(), second.result().statusCode());
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    var refused = first.result().statusCode() == 409 ? first.result() : second.result();
    assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("NO_MT_CAPACITY");
    assertThat(http.get("/api/v1/professionals/" + gp.getString("id"), coordinator).bodyAsJsonObject()
        .getInteger("mtCapacity")).isZero();
  }

  @Test
  @DisplayName("closing needs a known reason and happens once; candidates are the nearest GPs with room and their next first-visit slot")
  void closeAndCandidates() {
    JsonObject request = reported(person("Ferme", "Dossier", "1975-01-01", uniquePhone()));
    String path = "/api/v1/waitlist/" + request.getString("id") + "/close";
    assertInvalidField(http.post(path, coordinator, new JsonObject().put("reason", "BORED")), "reason");
    var closed = http.post(path, coordinator, new JsonObject().put("reason", "MOVED_AWAY"));
    assertThat(closed.bodyAsJsonObject().getString("status")).isEqualTo("CLOSED");
    assertThat(closed.bodyAsJsonObject().getString("closeReason")).isEqualTo("MOVED_AWAY");
    assertProblem(http.post(path, coordinator, new JsonObject().put("reason", "DECEASED")), 409, "WAITLIST_ENDED");

    JsonObject near = gpWithCapacity(2);
    new BookingScenario(server, coordinator).slot(near, new JsonObject().put("siteId", near.getJsonArray("sites")
        .getJsonObject(0).getString("id")).put("kind", "MT_FIRST_VISIT").put("start", "2026-11-26T17:00:00+01:00")
        .put("end", "2026-11-26T17:30:00+01:00"));
    JsonObject open = reported(person("Candidat", "Patient", "1979-01-01", uniquePhone()));
    JsonArray candidates = http.get("/api/v1/waitlist/" + open.getString("id") + "/candidates", coordinator)
        .bodyAsJsonObject().getJsonArray("items");
    JsonObject mine = candidates.stream().map(o -> (JsonObject) o)
        .filter(c -> near.getString("id").equals(c.getString("professionalId"))).findFirst().orElseThrow();
    assertThat(mine.getDouble("distanceKm")).isEqualTo(0.0);
    assertThat(mine.getJsonObject("nextFirstVisit").getString("start")).isEqualTo("2026-11-26T17:00:00+01:00");
    assertThat(candidates.stream().allMatch(c -> ((JsonObject) c).getInteger("mtCapacity") > 0)).isTrue();
  }

  @Test
  @DisplayName("once assigned, the first visit is booked in the GP's MT_FIRST_VISIT slot through the booking service")
  void firstVisit() {
    JsonObject gp = gpWithCapacity(1);
    String slot = new BookingScenario(server, coordinator).slot(gp, new JsonObject().put("siteId", gp
        .getJsonArray("sites").getJsonObject(0).getString("id")).put("kind", "MT_FIRST_VISIT")
        .put("start", "2026-11-27T10:00:00+01:00").put("end", "2026-11-27T10:30:00+01:00"));
    JsonObject request = reported(person("Premiere", "Visite", "1990-01-01", uniquePhone()));
    JsonObject candidate = http.get("/api/v1/waitlist/" + request.getString("id") + "/candidates", coordinator)
        .bodyAsJsonObject().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(c -> gp.getString("id").equals(c.getString("professionalId"))).findFirst().orElseThrow();
    assertThat(candidate.getJsonObject("nextFirstVisit").getString("id")).isEqualTo(slot);
    String pid = propose(request.getString("id"), gp).getString("id");
    http.post("/api/v1/mt-proposals/" + pid + "/accept", gpToken(gp), null);
    assertThat(http.post("/api/v1/mt-proposals/" + pid + "/patient-accept", coordinator, null).bodyAsJsonObject()
        .getString("status")).isEqualTo("ACCEPTED");

    var booked = http.post("/api/v1/appointments", coordinator, new JsonObject().put("slotId", slot)
        .put("patientId", request.getString("patientId")).put("reason", "Première consultation médecin traitant"));
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    assertThat(booked.bodyAsJsonObject().getJsonObject("slot").getString("kind")).isEqualTo("MT_FIRST_VISIT");
    assertThat(booked.bodyAsJsonObject().getString("patientId")).isEqualTo(request.getString("patientId"));
  }

  @Test
  @DisplayName("roles: orienters report but do not manage; administrators and other territories get 403; stats for managers")
  void roles() {
    JsonObject request = reported(person("Role", "Test", "1966-01-01", uniquePhone(), "PRECARITY"));
    assertProblem(http.get("/api/v1/waitlist", orienter), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/waitlist/" + request.getString("id"), orienter), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/waitlist", server.adminToken()), 403, "FORBIDDEN");
    String elsewhere = coordinatorOf("wl-berange", Fixtures.BERANGE);
    assertProblem(http.get("/api/v1/waitlist/" + request.getString("id"), elsewhere), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/me/mt-proposals", coordinator), 403, "FORBIDDEN");
    var statsResponse = http.get("/api/v1/waitlist/stats?territory=" + Fixtures.THAU, coordinator);
    assertThat(statsResponse.statusCode()).as(statsResponse.bodyAsString()).isEqualTo(200);
    JsonObject stats = statsResponse.bodyAsJsonObject();
    assertThat(stats.getLong("open")).isPositive();
    assertThat(stats.getJsonObject("openByFragility").getInteger("PRECARITY")).isPositive();
    assertThat(stats.getJsonObject("openByCommune").getInteger(Fixtures.SETE)).isPositive();
    assertThat(stats.containsKey("gpsWithCapacity")).isTrue();
    assertProblem(http.get("/api/v1/waitlist/stats?territory=" + Fixtures.BERANGE, coordinator), 403, "FORBIDDEN");
  }
}
