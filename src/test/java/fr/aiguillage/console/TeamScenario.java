package fr.aiguillage.console;

import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.json.JsonObject;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The world of the professionals' and coordinators' screens: a GP in Mèze with an account, bookings, proposals. */
final class TeamScenario {

  static final String MEZE = "34157";

  private final TestServer server;
  final String coordinator;
  final BookingScenario booking;

  TeamScenario(TestServer server) {
    this.server = server;
    this.coordinator = server.tokenFor("coordination-equipe", List.of("COORDINATOR"), List.of(Fixtures.THAU), null);
    this.booking = new BookingScenario(server, coordinator);
  }

  /** An invented GP practising in Mèze, with room for two new patients. */
  JsonObject gpInMeze(String familyName) {
    JsonObject body = Fixtures.aProfessional("GENERAL_PRACTITIONER", MEZE).put("familyName", familyName)
        .put("givenName", "Dominique");
    body.getJsonArray("sites").getJsonObject(0).put("name", "Cabinet de Mèze");
    return booking.professional(body);
  }

  /** An account for this professional; its password is "password-of-" + login. */
  void accountFor(String login, JsonObject professional) {
    server.tokenFor(login, List.of("PROFESSIONAL"), List.of(Fixtures.THAU), professional.getString("id"));
  }

  void account(String login, String role) {
    server.tokenFor(login, List.of(role), List.of(Fixtures.THAU), null);
  }

  /** A booked appointment with this reason on a new SNP slot of the professional. */
  String booked(JsonObject professional, String start, String end, String familyName, String reason) {
    String slot = booking.slot(professional, start, end);
    String patient = booking.patient(Fixtures.aPatientInSete().put("familyName", familyName));
    var response = server.http.post("/api/v1/appointments", coordinator,
        BookingScenario.booking(slot, patient).put("reason", reason));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject().getString("id");
  }

  /** A patient of Sète aged over 70 with an ALD, on the waiting list and proposed to this GP; the proposal id. */
  String proposedTo(JsonObject gp, String familyName) {
    JsonObject patient = Fixtures.aPatientInSete().put("familyName", familyName).put("birthDate", "1948-03-02")
        .put("phone", "06 55 44 33 22").put("fragility", new io.vertx.core.json.JsonArray().add("ALD"));
    var reported = server.http.post("/api/v1/waitlist", coordinator,
        new JsonObject().put("patient", patient).put("source", "PARTNER"));
    assertThat(reported.statusCode()).as(reported.bodyAsString()).isEqualTo(201);
    var proposal = server.http.post("/api/v1/waitlist/" + reported.bodyAsJsonObject().getString("id") + "/proposals",
        coordinator, new JsonObject().put("professionalId", gp.getString("id")));
    assertThat(proposal.statusCode()).as(proposal.bodyAsString()).isEqualTo(201);
    return proposal.bodyAsJsonObject().getString("id");
  }
}
