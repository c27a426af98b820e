package fr.aiguillage.fhir;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A regulator sent by the SAS platform to a slot's booking address, and the booking that records where they came from. */
class SasBookingTest extends ApiTest {

  private BookingScenario scenario;
  private String operator;
  private String patient;
  private JsonObject gp;

  @BeforeAll
  void scene() {
    scenario = new BookingScenario(server, coordinatorOf("sas-booking-coordinator", Fixtures.THAU));
    operator = server.tokenFor("regulateur-sas", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    patient = scenario.patient(Fixtures.aPatientInSete());
    gp = scenario.professional(Fixtures.aGpInSete());
  }

  private HttpResponse<Buffer> open(String path) {
    WebClient web = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()).setFollowRedirects(false));
    try {
      return Await.result(web.get(path).send());
    } finally {
      web.close();
    }
  }

  @Test
  @DisplayName("the booking address sends the browser to the console's screen for that slot, origin kept")
  void bookingAddressRedirects() {
    String slot = UUID.randomUUID().toString();
    HttpResponse<Buffer> response = open("/sas/creneaux/" + slot + "?origin=sas-regulation");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.getHeader("Location")).isEqualTo("/#/sas/creneau/" + slot + "?origin=sas-regulation");
  }

  @Test
  @DisplayName("a booking address that names no slot id is a 404 problem")
  void notASlot() {
    assertProblem(open("/sas/creneaux/pas-un-creneau?origin=sas"), 404, "NOT_FOUND");
  }

  @Test
  @DisplayName("a booking made with origin stores it on the appointment and shows it back")
  void originRecorded() {
    String slot = scenario.slot(gp, "2026-11-24T16:00:00+01:00", "2026-11-24T16:20:00+01:00");
    HttpResponse<Buffer> booked = http.post("/api/v1/appointments", operator,
        BookingScenario.booking(slot, patient).put("origin", "sas-regulation"));
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    String id = booked.bodyAsJsonObject().getString("id");
    assertThat(booked.bodyAsJsonObject().getString("origin")).isEqualTo("sas-regulation");
    assertThat(http.get("/api/v1/appointments/" + id, operator).bodyAsJsonObject().getString("origin"))
        .isEqualTo("sas-regulation");
    assertThat(server.count("SELECT count(*) FROM appointment WHERE id = '" + id + "' AND origin = 'sas-regulation'"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a booking without origin (the secretariat's own) stores none; a malformed origin is refused")
  void noOrigin() {
    String slot = scenario.slot(gp, "2026-11-24T17:00:00+01:00", "2026-11-24T17:20:00+01:00");
    assertInvalidField(http.post("/api/v1/appointments", operator,
        BookingScenario.booking(slot, patient).put("origin", "avec des espaces")), "origin");
    HttpResponse<Buffer> booked = http.post("/api/v1/appointments", operator, BookingScenario.booking(slot, patient));
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    assertThat(booked.bodyAsJsonObject().containsKey("origin") ? booked.bodyAsJsonObject().getValue("origin") : null)
        .isNull();
  }
}
