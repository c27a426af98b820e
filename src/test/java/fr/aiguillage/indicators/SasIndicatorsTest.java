package fr.aiguillage.indicators;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookings a regulator made from the SAS platform (their {@code origin}, issue 17) are counted by the
 * indicators; a moved one once, at its new date.
 */
class SasIndicatorsTest extends ApiTest {

  private static final String QUERY = "territory=" + Fixtures.THAU
      + "&from=2026-11-01&to=2026-11-30&granularity=month";

  @Test
  @DisplayName("booked from the SAS, honoured, no-show, cancelled, moved (once) and by origin; the secretariat's own"
      + " bookings are not")
  void sasBookings() {
    String coordinator = coordinatorOf("sas-indicators-coordinator", Fixtures.THAU);
    BookingScenario scenario = new BookingScenario(server, coordinator);
    String operator = server.tokenFor("regulateur-sas-indicateurs", List.of("OPERATOR"), List.of(Fixtures.THAU),
        null);
    String patient = scenario.patient(Fixtures.aPatientInSete());
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String honoured = book(operator, scenario.slot(gp, "2026-11-23T11:00:00+01:00", "2026-11-23T11:20:00+01:00"),
        patient, "sas-regulation");
    String noShow = book(operator, scenario.slot(gp, "2026-11-23T11:20:00+01:00", "2026-11-23T11:40:00+01:00"),
        patient, "sas-regulation");
    String cancelled = book(operator, scenario.slot(gp, "2026-11-24T11:00:00+01:00", "2026-11-24T11:20:00+01:00"),
        patient, "sas-13");
    String moved = book(operator, scenario.slot(gp, "2026-11-24T14:00:00+01:00", "2026-11-24T14:20:00+01:00"),
        patient, "sas-regulation");
    book(operator, scenario.slot(gp, "2026-11-24T11:20:00+01:00", "2026-11-24T11:40:00+01:00"), patient, null);
    HttpResponse<Buffer> move = http.post("/api/v1/appointments/" + moved + "/move", operator, new JsonObject()
        .put("slotId", scenario.slot(gp, "2026-11-25T09:00:00+01:00", "2026-11-25T09:20:00+01:00")));
    assertThat(move.statusCode()).as(move.bodyAsString()).isEqualTo(200);
    assertThat(http.post("/api/v1/appointments/" + cancelled + "/cancel", operator,
        new JsonObject().put("reason", "Le patient a trouvé une autre solution")).statusCode()).isEqualTo(200);
    server.clock.set(Instant.parse("2026-11-23T10:45:00Z"));
    outcome(operator, honoured, "honoured");
    outcome(operator, noShow, "no_show");

    HttpResponse<Buffer> report = http.get("/api/v1/indicators?" + QUERY, coordinator);
    assertThat(report.statusCode()).as(report.bodyAsString()).isEqualTo(200);
    JsonObject sas = report.bodyAsJsonObject().getJsonObject("total").getJsonObject("sas");
    assertThat(sas.getLong("booked")).isEqualTo(4);
    assertThat(sas.getLong("honoured")).isEqualTo(1);
    assertThat(sas.getLong("noShow")).isEqualTo(1);
    assertThat(sas.getLong("cancelled")).isEqualTo(1);
    assertThat(sas.getJsonObject("byOrigin").getMap()).containsOnlyKeys("sas-regulation", "sas-13");
    assertThat(sas.getJsonObject("byOrigin").getLong("sas-regulation")).isEqualTo(3);
    assertThat(sas.getJsonObject("byOrigin").getLong("sas-13")).isEqualTo(1);
    String csv = http.get("/api/v1/indicators.csv?" + QUERY, coordinator).bodyAsString();
    assertThat(csv).contains("sas.booked").contains("Rendez-vous pris depuis le SAS");
  }

  private String book(String operator, String slot, String patient, String origin) {
    JsonObject body = BookingScenario.booking(slot, patient);
    if (origin != null) {
      body.put("origin", origin);
    }
    HttpResponse<Buffer> booked = http.post("/api/v1/appointments", operator, body);
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    return booked.bodyAsJsonObject().getString("id");
  }

  private void outcome(String operator, String appointment, String status) {
    HttpResponse<Buffer> done = http.post("/api/v1/appointments/" + appointment + "/outcome", operator,
        new JsonObject().put("status", status));
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
  }
}
