package fr.aiguillage.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two CPTS built through the API: territory A ({@code bassin-de-thau}) with one of everything a request can name
 * (a GP, a site, a slot, a rule, a patient, an appointment, a call, a triage, a waiting-list request and a
 * proposal), and territory B ({@code montpellier-est-berange}) with its own GP and accounts of every role.
 * Everything here is invented.
 */
public final class TwoTerritories {

  public static final String A = Fixtures.THAU;
  public static final String B = Fixtures.BERANGE;

  private final TestServer server;
  private final Http http;

  // Territory A's records.
  public final String coordinatorA;
  public final String operatorA;
  public final String operatorAccountA;
  public final JsonObject gpA;
  public final String siteA;
  public final String slotA;
  public final String ruleA;
  public final String patientA;
  public final String appointmentA;
  public final String callA;
  public final String triageA;
  public final String requestA;
  public final String proposalA;
  public final String waitlistPhoneA;

  // Territory B's professional and accounts.
  public final JsonObject gpB;
  public final String coordinatorB;
  public final String operatorB;
  public final String orienterB;
  public final String professionalB;
  /** One account of B with every non-administrator role, linked to B's GP: "the right role" for any operation. */
  public final String everyRoleB;
  public final String operatorAccountB;
  public final String siteB;
  public final String slotB;
  public final String ruleB;
  public final String patientB;
  public final String appointmentB;
  public final String callB;
  public final String triageB;
  public final String requestB;
  public final String proposalB;

  public TwoTerritories(TestServer server, String prefix) {
    this.server = server;
    this.http = server.http;
    coordinatorA = server.tokenFor(prefix + "-coord-a", List.of("COORDINATOR"), List.of(A), null);
    operatorAccountA = account(prefix + "-oper-a", List.of("OPERATOR"), A, null).getString("id");
    operatorA = http.login(prefix + "-oper-a", "password-of-" + prefix + "-oper-a");
    gpA = created(http.post("/api/v1/professionals", server.adminToken(),
        Fixtures.aGpInSete().put("mtCapacity", 3)));
    siteA = gpA.getJsonArray("sites").getJsonObject(0).getString("id");
    slotA = id(http.post(professional(gpA) + "/slots", coordinatorA,
        Fixtures.aSlot(gpA, "2026-11-25T09:00:00+01:00", "2026-11-25T09:20:00+01:00")));
    ruleA = id(http.post(professional(gpA) + "/availability-rules", coordinatorA, new JsonObject().put("siteId", siteA)
        .put("kind", "SNP").put("rrule", "FREQ=WEEKLY;BYDAY=TH").put("startTime", "14:00").put("endTime", "15:00")
        .put("slotMinutes", 20).put("validFrom", "2026-11-23").put("exdates", new JsonArray())));
    patientA = id(http.post("/api/v1/patients", coordinatorA, Fixtures.aPatientInSete()));
    JsonObject bookedSlot = Fixtures.aSlot(gpA, "2026-11-24T09:00:00+01:00", "2026-11-24T09:20:00+01:00");
    String slotToBook = id(http.post(professional(gpA) + "/slots", coordinatorA, bookedSlot));
    appointmentA = id(http.post("/api/v1/appointments", operatorA, BookingScenario.booking(slotToBook, patientA)));
    callA = id(http.post("/api/v1/calls", operatorA, new JsonObject().put("territoryId", A)
        .put("patientId", patientA).put("note", "Rappel")));
    triageA = id(http.post("/api/v1/triage", operatorA, new JsonObject().put("callId", callA).put("patientId", patientA)
        .put("age", 41).put("sex", "F").put("complaint", "COUGH").put("answers", new JsonObject())));
    waitlistPhoneA = "06 77 10 20 30";
    requestA = id(http.post("/api/v1/waitlist", coordinatorA, new JsonObject().put("source", "PATIENT")
        .put("patient", new JsonObject().put("familyName", "Attente").put("givenName", "Maëlle")
            .put("birthDate", "1948-02-11").put("phone", waitlistPhoneA).put("communeInsee", Fixtures.SETE)
            .put("fragility", new JsonArray().add("ALD")))));
    proposalA = id(http.post("/api/v1/waitlist/" + requestA + "/proposals", coordinatorA,
        new JsonObject().put("professionalId", gpA.getString("id")).put("notes", "Note pour le médecin")));

    gpB = created(http.post("/api/v1/professionals", server.adminToken(),
        Fixtures.aProfessional("GENERAL_PRACTITIONER", Fixtures.MAUGUIO)));
    coordinatorB = server.tokenFor(prefix + "-coord-b", List.of("COORDINATOR"), List.of(B), null);
    operatorAccountB = account(prefix + "-oper-b", List.of("OPERATOR"), B, null).getString("id");
    operatorB = http.login(prefix + "-oper-b", "password-of-" + prefix + "-oper-b");
    orienterB = server.tokenFor(prefix + "-orient-b", List.of("ORIENTER"), List.of(B), gpB.getString("id"));
    professionalB = server.tokenFor(prefix + "-pro-b", List.of("PROFESSIONAL"), List.of(B), gpB.getString("id"));
    everyRoleB = server.tokenFor(prefix + "-all-b", List.of("COORDINATOR", "OPERATOR", "PROFESSIONAL", "ORIENTER"),
        List.of(B), gpB.getString("id"));
    siteB = gpB.getJsonArray("sites").getJsonObject(0).getString("id");
    slotB = id(http.post(professional(gpB) + "/slots", coordinatorB,
        Fixtures.aSlot(gpB, "2026-11-25T10:00:00+01:00", "2026-11-25T10:20:00+01:00")));
    ruleB = id(http.post(professional(gpB) + "/availability-rules", coordinatorB, new JsonObject().put("siteId", siteB)
        .put("kind", "SNP").put("rrule", "FREQ=WEEKLY;BYDAY=FR").put("startTime", "14:00").put("endTime", "15:00")
        .put("slotMinutes", 20).put("validFrom", "2026-11-23").put("exdates", new JsonArray())));
    patientB = id(http.post("/api/v1/patients", coordinatorB, Fixtures.aPatientInSete().put("communeInsee",
        Fixtures.MAUGUIO).put("phone", "06 98 76 54 33")));
    String slotToBookB = id(http.post(professional(gpB) + "/slots", coordinatorB,
        Fixtures.aSlot(gpB, "2026-11-24T10:00:00+01:00", "2026-11-24T10:20:00+01:00")));
    appointmentB = id(http.post("/api/v1/appointments", operatorB, BookingScenario.booking(slotToBookB, patientB)));
    callB = id(http.post("/api/v1/calls", operatorB, new JsonObject().put("territoryId", B).put("note", "Appel")));
    triageB = id(http.post("/api/v1/triage", operatorB, new JsonObject().put("patientId", patientB)
        .put("age", 41).put("sex", "F").put("complaint", "COUGH").put("answers", new JsonObject())));
    requestB = id(http.post("/api/v1/waitlist", coordinatorB, new JsonObject().put("source", "PATIENT")
        .put("patient", new JsonObject().put("familyName", "Attente").put("givenName", "Inès")
            .put("birthDate", "1951-06-21").put("phone", "06 77 10 20 31").put("communeInsee", Fixtures.MAUGUIO)
            .put("fragility", new JsonArray()))));
    proposalB = id(http.post("/api/v1/waitlist/" + requestB + "/proposals", coordinatorB,
        new JsonObject().put("professionalId", gpB.getString("id")).put("notes", "Note")));
  }

  /** The non-administrator accounts of B, by name. */
  public java.util.Map<String, String> accountsOfB() {
    return java.util.Map.of("coordinator", coordinatorB, "operator", operatorB, "orienter", orienterB,
        "professional", professionalB, "every role", everyRoleB);
  }

  public static String professional(JsonObject professional) {
    return "/api/v1/professionals/" + professional.getString("id");
  }

  /** Creates an account as admin and returns what the API answered. */
  public JsonObject account(String login, List<String> roles, String territory, String professionalId) {
    JsonObject body = new JsonObject().put("login", login).put("password", "password-of-" + login)
        .put("roles", new JsonArray(roles)).put("territories", new JsonArray().add(territory));
    if (professionalId != null) {
      body.put("professionalId", professionalId);
    }
    return created(http.post("/api/v1/accounts", server.adminToken(), body));
  }

  private static JsonObject created(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private static String id(HttpResponse<Buffer> response) {
    return created(response).getString("id");
  }
}
