package fr.aiguillage.web;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TwoTerritories;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.aiguillage.support.TwoTerritories.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The five holes issue 11 found, from accounts of B against the patients of A: each one closed. */
class CrossTerritoryFindingsTest extends ApiTest {

  private TwoTerritories world;

  @BeforeAll
  void twoTerritories() {
    world = new TwoTerritories(server, "finding");
  }

  private long deniedRows() {
    return server.count("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED'");
  }

  @Test
  @DisplayName("1. a coordinator of B cannot create an account of B linked to a professional of A: 403, no account")
  void accountLinkedAcrossTerritories() {
    for (String role : List.of("PROFESSIONAL", "ORIENTER")) {
      String login = "escalade-" + role.toLowerCase();
      var response = http.post("/api/v1/accounts", world.coordinatorB, new JsonObject().put("login", login)
          .put("password", "a-long-enough-password").put("roles", new JsonArray().add(role))
          .put("territories", new JsonArray().add(B)).put("professionalId", world.gpA.getString("id")));
      assertProblem(response, 403, "FORBIDDEN");
      assertThat(server.count("SELECT count(*) FROM account WHERE login = '" + login + "'")).isZero();
    }
  }

  @Test
  @DisplayName("1b. even an administrator cannot link an account of B to a professional who practises only in A")
  void adminCannotLinkAcrossEither() {
    var response = http.post("/api/v1/accounts", server.adminToken(), new JsonObject().put("login", "admin-link")
        .put("password", "a-long-enough-password").put("roles", new JsonArray().add("PROFESSIONAL"))
        .put("territories", new JsonArray().add(B)).put("professionalId", world.gpA.getString("id")));
    assertInvalidField(response, "professionalId");
  }

  @Test
  @DisplayName("1c. an account of B already linked to A's GP reaches none of A's patients, appointments, slots or feed")
  void existingCrossLinkReachesNothing() {
    world.account("legacy-link", List.of("PROFESSIONAL"), B, null);
    linkAcrossTerritories("legacy-link", world.gpA.getString("id"));
    String legacy = http.login("legacy-link", "password-of-legacy-link");
    String gpA = TwoTerritories.professional(world.gpA);
    long denied = deniedRows();
    assertProblem(http.get("/api/v1/patients/" + world.patientA, legacy), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/appointments/" + world.appointmentA, legacy), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/appointments?professionalId=" + world.gpA.getString("id"), legacy), 403,
        "FORBIDDEN");
    assertProblem(http.get(gpA + "/slots", legacy), 403, "FORBIDDEN");
    assertProblem(http.post(gpA + "/slots", legacy,
        Fixtures.aSlot(world.gpA, "2026-11-26T09:00:00+01:00", "2026-11-26T09:20:00+01:00")), 403, "FORBIDDEN");
    assertProblem(http.post(gpA + "/calendar-feed", legacy, null), 403, "FORBIDDEN");
    assertThat(server.count("SELECT count(*) FROM calendar_feed")).isZero();
    assertThat(deniedRows()).isEqualTo(denied + 6);
  }

  @Test
  @DisplayName("1d. the database itself refuses to link an account to a professional outside its territories")
  void databaseRefusesCrossLink() {
    world.account("sql-link", List.of("PROFESSIONAL"), B, null);
    assertThatThrownBy(() -> server.execute("UPDATE account SET professional_id = '" + world.gpA.getString("id")
        + "' WHERE login = 'sql-link'")).rootCause()
        .hasMessageContaining("the linked professional practises in none of the account's territories");
    assertThat(server.count("SELECT count(*) FROM account WHERE login = 'sql-link' AND professional_id IS NULL"))
        .isEqualTo(1);
  }

  /** An account as it may exist from before the rule: written with the database's check switched off. */
  private void linkAcrossTerritories(String login, String professionalId) {
    server.execute("ALTER TABLE account DISABLE TRIGGER account_professional_in_territory;"
        + " UPDATE account SET professional_id = '" + professionalId + "' WHERE login = '" + login + "';"
        + " ALTER TABLE account ENABLE TRIGGER account_professional_in_territory");
  }

  @Test
  @DisplayName("2. B's operator and coordinator cannot answer for A's patient to A's proposal; it stays PROPOSED")
  void proposalAnsweredFromAnotherTerritory() {
    for (String token : List.of(world.operatorB, world.coordinatorB)) {
      for (String answer : List.of("patient-accept", "patient-decline")) {
        var response = http.post("/api/v1/mt-proposals/" + world.proposalA + "/" + answer, token,
            new JsonObject().put("reason", "Ne souhaite plus"));
        assertProblem(response, 403, "FORBIDDEN");
        assertThat(response.bodyAsString()).doesNotContain("Attente").doesNotContain("Note pour le médecin");
      }
    }
    assertThat(server.count("SELECT count(*) FROM waitlist_request WHERE id = '" + world.requestA
        + "' AND status = 'PROPOSED'")).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM mt_proposal WHERE id = '" + world.proposalA
        + "' AND patient_answer IS NULL AND status = 'PENDING'")).isEqualTo(1);
  }

  @Test
  @DisplayName("3. a call of B cannot be created for, nor changed to, a patient of A")
  void callBoundToAnotherTerritorysPatient() {
    long calls = server.count("SELECT count(*) FROM call");
    assertProblem(http.post("/api/v1/calls", world.operatorB, new JsonObject().put("territoryId", B)
        .put("patientId", world.patientA)), 403, "FORBIDDEN");
    assertThat(server.count("SELECT count(*) FROM call")).isEqualTo(calls);
    assertProblem(http.patch("/api/v1/calls/" + world.callB, world.operatorB,
        new JsonObject().put("patientId", world.patientA)), 403, "FORBIDDEN");
    assertThat(server.count("SELECT count(*) FROM call WHERE id = '" + world.callB + "' AND patient_id IS NULL"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("4. B's operator, coordinator and orienter cannot triage a call of A")
  void triageOfAnotherTerritorysCall() {
    long triages = server.count("SELECT count(*) FROM triage_assessment");
    for (String token : List.of(world.operatorB, world.coordinatorB, world.orienterB)) {
      assertProblem(http.post("/api/v1/triage", token, new JsonObject().put("callId", world.callA).put("age", 30)
          .put("sex", "F").put("complaint", "COUGH").put("answers", new JsonObject())), 403, "FORBIDDEN");
    }
    assertThat(server.count("SELECT count(*) FROM triage_assessment")).isEqualTo(triages);
  }

  @Test
  @DisplayName("5. a person already on A's list is refused to B as followed by another CPTS, with no id of A")
  void duplicateTellsNoIdOfAnotherTerritory() {
    long requests = server.count("SELECT count(*) FROM waitlist_request");
    var response = http.post("/api/v1/waitlist", world.orienterB, new JsonObject().put("source", "PROFESSIONAL")
        .put("patient", new JsonObject().put("familyName", "Autre").put("givenName", "Nom")
            .put("birthDate", "1970-01-01").put("phone", world.waitlistPhoneA).put("communeInsee", Fixtures.MAUGUIO)
            .put("fragility", new JsonArray())));
    JsonObject problem = assertProblem(response, 409, "ALREADY_ON_WAITLIST");
    assertThat(problem.containsKey("existingId")).isFalse();
    assertThat(response.bodyAsString()).doesNotContain(world.requestA).contains("another CPTS");
    assertThat(server.count("SELECT count(*) FROM waitlist_request")).isEqualTo(requests);
  }
}
