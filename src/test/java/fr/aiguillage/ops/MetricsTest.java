package fr.aiguillage.ops;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /metrics}: Prometheus text for a scraper holding the configured token, refused to anyone else. */
class MetricsTest extends ApiTest {

  private static final String TOKEN = "metrics-token-for-tests";

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_METRICS_TOKEN", TOKEN);
  }

  private HttpResponse<Buffer> scrape(String authorization) {
    return http.send(HttpMethod.GET, "/metrics", null, null, "Authorization", authorization);
  }

  @Test
  @DisplayName("without a token the metrics are refused with 401 problem+json")
  void noToken() {
    assertProblem(http.get("/metrics", null), 401, "UNAUTHORIZED");
  }

  @Test
  @DisplayName("with a wrong token the metrics are refused with 403 problem+json")
  void wrongToken() {
    assertProblem(scrape("Bearer not-the-metrics-token"), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("a session token of the API is not the metrics token")
  void sessionTokenIsNotEnough() {
    assertProblem(http.get("/metrics", server.adminToken()), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("after a booking and a refused second booking, the scrape names latency per route, bookings,"
      + " conflicts, pool, relay lag and queued notifications, and no id of the requests")
  void namedSeries() {
    String coordinator = coordinatorOf("metrics-coordinator", Fixtures.THAU);
    BookingScenario scenario = new BookingScenario(server, coordinator);
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String slot = scenario.slot(gp, "2026-11-24T09:00:00+01:00", "2026-11-24T09:20:00+01:00");
    JsonObject booking = new JsonObject().put("slotId", slot).put("reason", "Toux")
        .put("patient", Fixtures.aPatientInSete().put("notificationConsent", true));
    var booked = http.post("/api/v1/appointments", coordinator, booking);
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    String appointment = booked.bodyAsJsonObject().getString("id");
    assertThat(http.get("/api/v1/appointments/" + appointment, coordinator).statusCode()).isEqualTo(200);
    assertProblem(http.post("/api/v1/appointments", coordinator, booking.copy()
        .put("patient", Fixtures.aPatientInSete().put("phone", "06 11 22 33 44"))), 409, "SLOT_TAKEN");

    var response = scrape("Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
    String text = response.bodyAsString();
    assertThat(text)
        .contains("vertx_http_server_response_time_seconds_bucket{")
        .containsPattern("vertx_http_server_response_time_seconds_bucket\\{[^}]*route=\"/api/v1/appointments/:id\"")
        .containsPattern("aiguillage_bookings_total(\\{[^}]*\\})? 1\\.0")
        .containsPattern("aiguillage_booking_conflicts_total\\{code=\"SLOT_TAKEN\"[^}]*\\} 1\\.0")
        .containsPattern("vertx_pool_in_use\\{[^}]*pool_name=\"aiguillage\"")
        .containsPattern("vertx_pool_queue_time_seconds_count\\{[^}]*pool_name=\"aiguillage\"")
        .containsPattern("vertx_pool_queue_pending\\{[^}]*pool_name=\"aiguillage\"")
        .containsPattern("vertx_pool_usage_seconds_count\\{[^}]*pool_name=\"aiguillage\"")
        .contains("aiguillage_events_relay_lag_seconds_count")
        .containsPattern("aiguillage_notifications_queued\\{state=\"pending\"[^}]*\\} [1-9]")
        .contains("aiguillage_events_relay_listening 1.0")
        .doesNotContain(appointment).doesNotContain(slot).doesNotContain(gp.getString("id"));
  }

  @Test
  @DisplayName("with neither token nor network configured, /metrics does not exist (404)")
  void offByDefault() {
    try (TestServer plain = TestServer.start()) {
      assertProblem(plain.http.get("/metrics", null), 404, "NOT_FOUND");
    }
  }

  @Test
  @DisplayName("from outside the configured networks the metrics are refused with 403; from inside they are served")
  void networks() {
    try (TestServer elsewhere = TestServer.start(Map.of("AIGUILLAGE_METRICS_ALLOWED_NETWORKS", "10.0.0.0/8"));
         TestServer local = TestServer.start(Map.of("AIGUILLAGE_METRICS_ALLOWED_NETWORKS",
             "192.168.0.0/16, 127.0.0.0/8, ::1/128"))) {
      assertProblem(elsewhere.http.get("/metrics", null), 403, "FORBIDDEN");
      var served = local.http.get("/metrics", null);
      assertThat(served.statusCode()).as(served.bodyAsString()).isEqualTo(200);
      assertThat(served.bodyAsString()).contains("aiguillage_events_relay_listening");
    }
  }

  @Test
  @DisplayName("network and token both configured: the right network without the token is still refused")
  void both() {
    try (TestServer guarded = TestServer.start(Map.of("AIGUILLAGE_METRICS_ALLOWED_NETWORKS", "127.0.0.0/8,::1",
        "AIGUILLAGE_METRICS_TOKEN", TOKEN))) {
      assertProblem(guarded.http.get("/metrics", null), 401, "UNAUTHORIZED");
      assertThat(guarded.http.send(HttpMethod.GET, "/metrics", null, null, "Authorization", "Bearer " + TOKEN)
          .statusCode()).isEqualTo(200);
    }
  }
}
