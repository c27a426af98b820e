package fr.aiguillage.indicators;

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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monday 23 November 2026 at the Thau secretariat, played through the API with the clock pinned at each step
 * (times are Paris, +01:00). The figures it must give are worked out by hand in the tests that use it.
 *
 * <pre>
 * calls (Thau line)   rings   answered  wait   triage                       booked slot
 *  day-c1             09:00   09:00:10   10 s  cystitis → pharmacist        S1 23rd 16:00 (honoured)
 *  day-c2             09:10   09:10:20   20 s  sore throat → pharmacist     S2 24th 11:00 (cancelled at 18:00)
 *  day-c3             09:30   09:30:45   45 s  ankle → physiotherapist      S4 24th 09:00 (no-show)
 *  day-c4             10:05   10:06:30   90 s  chest pain → VITAL
 *  day-c5             10:20   missed 10:21
 *  day-c6             14:00   ended 14:00:30 unanswered
 *  day-c7             14:30   14:30:05    5 s  wound → nurse, overridden to ADVICE
 *  day-before         22nd 23:30 (outside the range)      day-berange  09:05 on the Bérange line
 * SNP slots: S1 16:00, S3 17:00 pharmacist Sète; S6 11:00 GP Sète (23rd); S2 11:00 pharmacist Sète,
 *            S4 09:00, S5 18:00 physiotherapist Frontignan (24th); a PUBLIC GP slot; a Bérange GP slot 23rd 11:00.
 * waiting list: w4 reported 1 Nov 10:00, assigned to the GP 23rd 15:00; w1 (ALD) 10:00, w2 (born 1950) 10:10,
 *               w3 (CSS) 10:20, closed 24th 09:00 (found their own GP). The clock ends on 24th 12:00.
 * </pre>
 */
final class ScriptedDay {

  static final String THAU_LINE = "+33499000001";
  static final String BERANGE_LINE = "+33499000002";

  final String coordinator;
  final String operator;
  final String berangeCoordinator;
  private final TestServer server;
  private final BookingScenario scenario;
  private final Map<String, String> slots = new HashMap<>();
  private final Map<String, String> appointments = new HashMap<>();
  private int phones = 10;

  ScriptedDay(TestServer server) {
    this.server = server;
    this.coordinator = server.tokenFor("ind-coordinator", List.of("COORDINATOR"), List.of(Fixtures.THAU), null);
    this.operator = server.tokenFor("ind-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    this.berangeCoordinator = server.tokenFor("ind-berange", List.of("COORDINATOR"), List.of(Fixtures.BERANGE),
        null);
    this.scenario = new BookingScenario(server, coordinator);
  }

  ScriptedDay play() {
    at("2026-11-01T10:00:00+01:00");
    JsonObject gp = scenario.professional(Fixtures.aProfessional("GENERAL_PRACTITIONER", Fixtures.SETE));
    JsonObject pharmacist = scenario.professional(Fixtures.aProfessional("PHARMACIST", Fixtures.SETE));
    JsonObject physio = scenario.professional(Fixtures.aProfessional("PHYSIOTHERAPIST", "34108"));
    JsonObject berangeGp = scenario.professional(Fixtures.aProfessional("GENERAL_PRACTITIONER", Fixtures.MAUGUIO));
    String w4 = waitlist(person("Ancienne", "1980-02-02"));
    at("2026-11-23T07:00:00+01:00");
    publishSlots(gp, pharmacist, physio, berangeGp);
    calls();
    waitlistOfTheDay(gp, w4);
    at("2026-11-23T18:00:00+01:00");
    ok(server.http.post("/api/v1/appointments/" + appointments.get("day-c2") + "/cancel", operator,
        new JsonObject().put("reason", "Le patient a trouvé un rendez-vous ailleurs")), 200);
    at("2026-11-24T12:00:00+01:00");
    outcome("day-c1", "honoured");
    outcome("day-c3", "no_show");
    return this;
  }

  private void publishSlots(JsonObject gp, JsonObject pharmacist, JsonObject physio, JsonObject berangeGp) {
    slots.put("S1", scenario.slot(pharmacist, "2026-11-23T16:00:00+01:00", "2026-11-23T16:15:00+01:00"));
    slots.put("S3", scenario.slot(pharmacist, "2026-11-23T17:00:00+01:00", "2026-11-23T17:15:00+01:00"));
    slots.put("S6", scenario.slot(gp, "2026-11-23T11:00:00+01:00", "2026-11-23T11:20:00+01:00"));
    slots.put("S2", scenario.slot(pharmacist, "2026-11-24T11:00:00+01:00", "2026-11-24T11:15:00+01:00"));
    slots.put("S4", scenario.slot(physio, "2026-11-24T09:00:00+01:00", "2026-11-24T09:30:00+01:00"));
    slots.put("S5", scenario.slot(physio, "2026-11-24T18:00:00+01:00", "2026-11-24T18:30:00+01:00"));
    scenario.slot(gp, Fixtures.aSlot(gp, "2026-11-23T15:00:00+01:00", "2026-11-23T15:20:00+01:00")
        .put("kind", "PUBLIC"));
    new BookingScenario(server, berangeCoordinator).slot(berangeGp, "2026-11-23T11:00:00+01:00",
        "2026-11-23T11:20:00+01:00");
  }

  private void calls() {
    answered("day-before", THAU_LINE, "2026-11-22T23:30:00+01:00", 5);
    answered("day-c1", THAU_LINE, "2026-11-23T09:00:00+01:00", 10);
    triageAndBook("day-c1", "09:02", urinary(), "S1");
    answered("day-c2", THAU_LINE, "2026-11-23T09:10:00+01:00", 20);
    triageAndBook("day-c2", "09:12", base("SORE_THROAT", 20).put("answers",
        new JsonObject().put("immunocompromised", false)), "S2");
    answered("day-c3", THAU_LINE, "2026-11-23T09:30:00+01:00", 45);
    triageAndBook("day-c3", "09:33", base("ANKLE_INJURY", 40).put("answers",
        new JsonObject().put("canBearWeight", true).put("malleolarBoneTenderness", false)
            .put("midfootBoneTenderness", false)), "S4");
    answered("day-berange", BERANGE_LINE, "2026-11-23T09:05:00+01:00", 3);
    answered("day-c4", THAU_LINE, "2026-11-23T10:05:00+01:00", 90);
    triage("day-c4", "10:08", base("OTHER", 58).put("redFlags", new JsonArray().add("CHEST_PAIN")));
    unanswered("day-c5", "2026-11-23T10:20:00+01:00", "missed", 60);
    unanswered("day-c6", "2026-11-23T14:00:00+01:00", "ended", 30);
    answered("day-c7", THAU_LINE, "2026-11-23T14:30:00+01:00", 5);
    String wound = triage("day-c7", "14:32", base("WOUND", 33).put("answers", new JsonObject().put("deepWound", false)
        .put("onAnticoagulant", false)));
    at("2026-11-23T14:35:00+01:00");
    ok(server.http.post("/api/v1/triage/" + wound + "/override", operator, new JsonObject().put("urgency", "ADVICE")
        .put("reason", "Plaie déjà soignée : conseils de surveillance donnés")), 200);
  }

  private void waitlistOfTheDay(JsonObject gp, String w4) {
    at("2026-11-23T10:00:00+01:00");
    waitlist(person("Premiere", "1970-03-03", "ALD"));
    at("2026-11-23T10:10:00+01:00");
    waitlist(person("Deuxieme", "1950-04-04"));
    at("2026-11-23T10:20:00+01:00");
    String w3 = waitlist(person("Troisieme", "1990-05-05", "CSS"));
    at("2026-11-23T15:00:00+01:00");
    String proposal = ok(server.http.post("/api/v1/waitlist/" + w4 + "/proposals", coordinator,
        new JsonObject().put("professionalId", gp.getString("id"))), 201).getString("id");
    String doctor = server.tokenFor("ind-gp", List.of("PROFESSIONAL"), List.of(Fixtures.THAU), gp.getString("id"));
    ok(server.http.post("/api/v1/mt-proposals/" + proposal + "/accept", doctor, null), 200);
    ok(server.http.post("/api/v1/mt-proposals/" + proposal + "/patient-accept", coordinator, null), 200);
    at("2026-11-24T09:00:00+01:00");
    ok(server.http.post("/api/v1/waitlist/" + w3 + "/close", coordinator,
        new JsonObject().put("reason", "FOUND_OWN_MT")), 200);
  }

  private void answered(String callId, String line, String rings, int waitSeconds) {
    OffsetDateTime ringing = OffsetDateTime.parse(rings);
    at(rings);
    telephony(callId, "ringing", line, ringing);
    at(ringing.plusSeconds(waitSeconds).toString());
    telephony(callId, "answered", line, ringing.plusSeconds(waitSeconds));
    at(ringing.plusSeconds(waitSeconds + 120).toString());
    telephony(callId, "ended", line, ringing.plusSeconds(waitSeconds + 120));
  }

  private void unanswered(String callId, String rings, String end, int afterSeconds) {
    OffsetDateTime ringing = OffsetDateTime.parse(rings);
    at(rings);
    telephony(callId, "ringing", THAU_LINE, ringing);
    at(ringing.plusSeconds(afterSeconds).toString());
    telephony(callId, end, THAU_LINE, ringing.plusSeconds(afterSeconds));
  }

  private void triageAndBook(String callId, String time, JsonObject triage, String slot) {
    String triageId = triage(callId, time, triage);
    String patient = scenario.patient(Fixtures.aPatientInSete().put("phone", nextPhone()));
    JsonObject booking = BookingScenario.booking(slots.get(slot), patient).put("triageId", triageId)
        .put("callId", callUuid(callId));
    appointments.put(callId, ok(server.http.post("/api/v1/appointments", operator, booking), 201).getString("id"));
  }

  private String triage(String callId, String time, JsonObject body) {
    at("2026-11-23T" + time + ":00+01:00");
    return ok(server.http.post("/api/v1/triage", operator, body.put("callId", callUuid(callId))), 201).getString("id");
  }

  private String callUuid(String providerCallId) {
    JsonArray calls = ok(server.http.get("/api/v1/calls?limit=1000", operator), 200).getJsonArray("items");
    return calls.stream().map(JsonObject.class::cast).filter(c -> providerCallId.equals(c.getString("providerCallId")))
        .findFirst().orElseThrow().getString("id");
  }

  private void outcome(String callId, String status) {
    ok(server.http.post("/api/v1/appointments/" + appointments.get(callId) + "/outcome", operator,
        new JsonObject().put("status", status)), 200);
  }

  private String waitlist(JsonObject patient) {
    return ok(server.http.post("/api/v1/waitlist", coordinator, new JsonObject().put("patient", patient)
        .put("source", "PROFESSIONAL")), 201).getString("id");
  }

  private JsonObject person(String familyName, String born, String... fragility) {
    return new JsonObject().put("familyName", familyName).put("givenName", "Camille").put("birthDate", born)
        .put("phone", nextPhone()).put("communeInsee", Fixtures.SETE).put("sex", "F")
        .put("fragility", new JsonArray(List.of(fragility)));
  }

  private String nextPhone() {
    return "04 65 71 00 " + phones++;
  }

  private static JsonObject urinary() {
    return base("URINARY_SYMPTOMS", 30).put("answers", new JsonObject().put("flankPain", false).put("pregnant", false)
        .put("immunocompromised", false).put("temperatureC", 37.0).put("recurrentEpisodes", 0));
  }

  private static JsonObject base(String complaint, int age) {
    return new JsonObject().put("age", age).put("sex", "F").put("complaint", complaint);
  }

  private void telephony(String callId, String event, String line, OffsetDateTime at) {
    String body = new JsonObject().put("callId", callId).put("event", event).put("from", "06 12 34 56 78")
        .put("to", line).put("at", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).encode();
    String timestamp = Long.toString(server.clock.instant().getEpochSecond());
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()));
    var response = Await.result(client.post("/api/v1/telephony/events").putHeader("Content-Type", "application/json")
        .putHeader("X-Aiguillage-Timestamp", timestamp).putHeader("X-Aiguillage-Signature", sign(timestamp, body))
        .sendBuffer(Buffer.buffer(body)));
    client.close();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
  }

  private static String sign(String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(TestServer.TELEPHONY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void at(String parisTime) {
    server.clock.set(OffsetDateTime.parse(parisTime).toInstant());
  }

  private static JsonObject ok(io.vertx.ext.web.client.HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.body() == null || response.body().length() == 0 ? new JsonObject() : response.bodyAsJsonObject();
  }
}
