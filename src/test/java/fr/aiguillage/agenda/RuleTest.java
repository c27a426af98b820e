package fr.aiguillage.agenda;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTest extends ApiTest {

  private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
  private String coordinator;

  @BeforeAll
  void coordinator() {
    coordinatorOf("rule-coordinator", Fixtures.THAU);
  }

  /** Pins "now" and logs the coordinator in again (a token lives 12 hours of that clock). */
  private void now(Instant instant) {
    server.clock.set(instant);
    coordinator = http.login("rule-coordinator", "password-of-rule-coordinator");
  }

  private JsonObject aGp() {
    return createProfessional(Fixtures.aGpInSete());
  }

  private static JsonObject rule(JsonObject gp, String rrule, String start, String end, int minutes, String from) {
    return new JsonObject().put("siteId", gp.getJsonArray("sites").getJsonObject(0).getString("id"))
        .put("kind", "SNP").put("rrule", rrule).put("startTime", start).put("endTime", end)
        .put("slotMinutes", minutes).put("validFrom", from).put("exdates", new JsonArray());
  }

  private JsonObject createRule(JsonObject gp, JsonObject rule) {
    var response = http.post("/api/v1/professionals/" + gp.getString("id") + "/availability-rules", coordinator,
        rule);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private List<JsonObject> slots(JsonObject gp, String query) {
    var response = http.get("/api/v1/professionals/" + gp.getString("id") + "/slots?" + query, coordinator);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
  }

  private long liveSlotsOfRule(String ruleId) {
    return server.count("SELECT count(*) FROM slot WHERE rule_id = '" + ruleId + "' AND status <> 'cancelled'");
  }

  @Test
  @DisplayName("a weekly rule materialises its slots up to the 28-day horizon and says how many")
  void materialises() {
    now(MONDAY_MORNING);
    JsonObject gp = aGp();
    JsonObject created = createRule(gp, rule(gp, "FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", 20, "2026-11-23"));
    // Tuesdays and Thursdays from 24 Nov to 17 Dec: 8 days of 9 twenty-minute slots.
    assertThat(created.getInteger("slotsCreated")).isEqualTo(72);
    assertThat(created.getString("startTime")).isEqualTo("09:00");
    List<JsonObject> listed = slots(gp, "");
    assertThat(listed).hasSize(72).allMatch(s -> s.getString("source").equals("RULE"));
    assertThat(listed.get(0).getString("start")).isEqualTo("2026-11-24T09:00:00+01:00");
    assertThat(listed.get(71).getString("end")).isEqualTo("2026-12-17T12:00:00+01:00");
    assertThat(http.get("/api/v1/availability-rules/" + created.getString("id"), coordinator).bodyAsJsonObject()
        .getString("rrule")).isEqualTo("FREQ=WEEKLY;BYDAY=TU,TH");
  }

  @Test
  @DisplayName("09:00 stays 09:00 in Paris on both sides of the March 2027 DST change")
  void springForward() {
    now(Instant.parse("2027-03-20T08:00:00Z"));
    JsonObject gp = aGp();
    createRule(gp, rule(gp, "FREQ=DAILY", "09:00", "10:00", 60, "2027-03-26").put("validUntil", "2027-03-30"));
    List<String> starts = slots(gp, "").stream().map(s -> s.getString("start")).toList();
    assertThat(starts).containsExactly("2027-03-26T09:00:00+01:00", "2027-03-27T09:00:00+01:00",
        "2027-03-28T09:00:00+02:00", "2027-03-29T09:00:00+02:00", "2027-03-30T09:00:00+02:00");
  }

  @Test
  @DisplayName("09:00 stays 09:00 in Paris on both sides of the October 2027 DST change")
  void fallBack() {
    now(Instant.parse("2027-10-25T08:00:00Z"));
    JsonObject gp = aGp();
    createRule(gp, rule(gp, "FREQ=DAILY", "09:00", "10:00", 60, "2027-10-30").put("validUntil", "2027-11-01"));
    List<String> starts = slots(gp, "").stream().map(s -> s.getString("start")).toList();
    assertThat(starts).containsExactly("2027-10-30T09:00:00+02:00", "2027-10-31T09:00:00+01:00",
        "2027-11-01T09:00:00+01:00");
  }

  @Test
  @DisplayName("exdates are skipped, and an invalid RRULE is a 400 with ical4j's reason")
  void exdatesAndInvalid() {
    now(MONDAY_MORNING);
    JsonObject gp = aGp();
    JsonObject created = createRule(gp, rule(gp, "FREQ=WEEKLY;BYDAY=TU", "09:00", "10:00", 30, "2026-11-23")
        .put("exdates", new JsonArray().add("2026-12-01")));
    assertThat(created.getInteger("slotsCreated")).isEqualTo(6);
    String path = "/api/v1/professionals/" + gp.getString("id") + "/availability-rules";
    var bad = http.post(path, coordinator, rule(gp, "FREQ=WEEKLY;BYDAY=XX", "09:00", "10:00", 30, "2026-11-23"));
    assertInvalidField(bad, "rrule");
    assertThat(bad.bodyAsString()).contains("XX");
    assertInvalidField(http.post(path, coordinator, rule(gp, "FREQ=MINUTELY", "09:00", "10:00", 30, "2026-11-23")),
        "rrule");
    assertInvalidField(http.post(path, coordinator, rule(gp, "FREQ=DAILY", "10:00", "09:00", 30, "2026-11-23")),
        "endTime");
    assertInvalidField(http.post(path, coordinator, rule(gp, "FREQ=DAILY", "9h", "10:00", 30, "2026-11-23")),
        "startTime");
  }

  @Test
  @DisplayName("changing a rule regenerates its future free slots; a booked slot stays and is listed as a conflict")
  void editKeepsBooked() {
    now(MONDAY_MORNING);
    JsonObject gp = aGp();
    JsonObject created = createRule(gp, rule(gp, "FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", 20, "2026-11-23"));
    String ruleId = created.getString("id");
    String booked = slots(gp, "").get(0).getString("id");
    server.execute("UPDATE slot SET status = 'booked' WHERE id = '" + booked + "'");
    var response = http.send(io.vertx.core.http.HttpMethod.PUT, "/api/v1/availability-rules/" + ruleId, coordinator,
        rule(gp, "FREQ=WEEKLY;BYDAY=TU,TH", "14:00", "17:00", 20, "2026-11-23").toBuffer());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject changed = response.bodyAsJsonObject();
    assertThat(changed.getInteger("slotsRemoved")).isEqualTo(71);
    assertThat(changed.getInteger("slotsCreated")).isEqualTo(72);
    assertThat(changed.getJsonArray("conflicts")).hasSize(1);
    assertThat(changed.getJsonArray("conflicts").getJsonObject(0).getString("id")).isEqualTo(booked);
    List<JsonObject> live = slots(gp, "").stream().filter(s -> !s.getString("status").equals("cancelled")).toList();
    assertThat(live).hasSize(73);
    assertThat(live.get(0).getString("id")).isEqualTo(booked);
    assertThat(live.get(0).getString("status")).isEqualTo("booked");
    assertThat(live.get(1).getString("start")).isEqualTo("2026-11-24T14:00:00+01:00");

    var deleted = http.delete("/api/v1/availability-rules/" + ruleId, coordinator);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(deleted.bodyAsJsonObject().getInteger("slotsRemoved")).isEqualTo(72);
    assertThat(deleted.bodyAsJsonObject().getJsonArray("conflicts")).hasSize(1);
    assertThat(liveSlotsOfRule(ruleId)).isEqualTo(1);
    assertProblem(http.get("/api/v1/availability-rules/" + ruleId, coordinator), 404, "NOT_FOUND");
  }

  @Test
  @DisplayName("the horizon job extends rules a week later, is idempotent run twice at once, and never revives a cancelled slot")
  void horizonIdempotent() {
    now(MONDAY_MORNING);
    JsonObject gp = aGp();
    String ruleId = createRule(gp, rule(gp, "FREQ=DAILY", "08:00", "09:00", 60, "2026-11-23")).getString("id");
    assertThat(liveSlotsOfRule(ruleId)).isEqualTo(28);
    String cancelled = slots(gp, "").get(3).getString("id");
    assertThat(http.delete("/api/v1/slots/" + cancelled, coordinator).statusCode()).isEqualTo(204);

    server.clock.advance(Duration.ofDays(7));
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()));
    String admin = server.adminToken();
    var first = client.post("/api/v1/agenda/horizon").bearerTokenAuthentication(admin).send();
    var second = client.post("/api/v1/agenda/horizon").bearerTokenAuthentication(admin).send();
    Await.result(Future.all(first, second));
    assertThat(first.result().statusCode()).isEqualTo(200);
    assertThat(second.result().statusCode()).isEqualTo(200);
    assertThat(liveSlotsOfRule(ruleId)).isEqualTo(28 - 1 + 7);
    var again = http.post("/api/v1/agenda/horizon", admin, null);
    assertThat(again.bodyAsJsonObject().getInteger("slotsCreated")).isZero();
    assertThat(liveSlotsOfRule(ruleId)).isEqualTo(34);
    assertThat(server.count("SELECT count(*) FROM slot WHERE id = '" + cancelled + "' AND status = 'cancelled'"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("an absence blocks free slots, lists the booked ones, and slots made later inside it are born blocked")
  void absence() {
    now(MONDAY_MORNING);
    JsonObject gp = aGp();
    String ruleId = createRule(gp, rule(gp, "FREQ=DAILY", "08:00", "09:00", 60, "2026-11-23")).getString("id");
    String bookedId = slots(gp, "").get(1).getString("id");
    server.execute("UPDATE slot SET status = 'booked' WHERE id = '" + bookedId + "'");
    var response = http.post("/api/v1/professionals/" + gp.getString("id") + "/absences", coordinator,
        new JsonObject().put("from", "2026-11-24T00:00:00+01:00").put("to", "2026-11-27T00:00:00+01:00")
            .put("reason", "Formation"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    JsonObject absence = response.bodyAsJsonObject();
    assertThat(absence.getInteger("blockedSlots")).isEqualTo(2);
    assertThat(absence.getJsonArray("bookedSlots")).hasSize(1);
    assertThat(absence.getJsonArray("bookedSlots").getJsonObject(0).getString("id")).isEqualTo(bookedId);

    http.post("/api/v1/professionals/" + gp.getString("id") + "/absences", coordinator,
        new JsonObject().put("from", "2026-12-20T00:00:00+01:00").put("to", "2026-12-25T00:00:00+01:00"));
    now(MONDAY_MORNING.plus(Duration.ofDays(7)));
    http.post("/api/v1/agenda/horizon", server.adminToken(), null);
    assertThat(server.count("SELECT count(*) FROM slot WHERE rule_id = '" + ruleId + "' AND status = 'blocked'"
        + " AND start_at >= '2026-12-20T00:00:00+01:00'")).isEqualTo(5);
    assertInvalidField(http.post("/api/v1/professionals/" + gp.getString("id") + "/absences", coordinator,
        new JsonObject().put("from", "2026-12-20T00:00:00+01:00").put("to", "2026-12-19T00:00:00+01:00")), "to");
  }

  @Test
  @DisplayName("a professional manages only their own agenda; operators and orienters read; admin and others get 403")
  void roles() {
    now(MONDAY_MORNING);
    JsonObject own = aGp();
    JsonObject other = aGp();
    String professional = server.tokenFor("rule-own-gp", List.of("PROFESSIONAL"), List.of(Fixtures.THAU),
        own.getString("id"));
    String operator = server.tokenFor("rule-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    String orienter = server.tokenFor("rule-orienter", List.of("ORIENTER"), List.of(Fixtures.THAU), null);
    String elsewhere = coordinatorOf("rule-berange", Fixtures.BERANGE);
    String admin = server.adminToken();
    JsonObject r = rule(own, "FREQ=WEEKLY;BYDAY=MO", "09:00", "10:00", 30, "2026-11-23");
    String ownRules = "/api/v1/professionals/" + own.getString("id") + "/availability-rules";
    assertThat(http.post(ownRules, professional, r).statusCode()).isEqualTo(201);
    assertProblem(http.post("/api/v1/professionals/" + other.getString("id") + "/availability-rules", professional,
        rule(other, "FREQ=WEEKLY;BYDAY=MO", "09:00", "10:00", 30, "2026-11-23")), 403, "FORBIDDEN");
    for (String reader : List.of(operator, orienter, professional)) {
      assertThat(http.get("/api/v1/professionals/" + own.getString("id") + "/slots", reader).statusCode())
          .isEqualTo(200);
    }
    for (String refused : List.of(operator, orienter, elsewhere, admin)) {
      assertProblem(http.post(ownRules, refused, r), 403, "FORBIDDEN");
    }
    for (String refused : List.of(elsewhere, admin)) {
      assertProblem(http.get("/api/v1/professionals/" + own.getString("id") + "/slots", refused), 403, "FORBIDDEN");
    }
    assertProblem(http.get("/api/v1/professionals/" + other.getString("id") + "/slots", professional),
        403, "FORBIDDEN");
    assertProblem(http.post("/api/v1/agenda/horizon", coordinator, null), 403, "FORBIDDEN");
    assertProblem(http.post("/api/v1/agenda/horizon", null, null), 401, "UNAUTHORIZED");
  }
}
