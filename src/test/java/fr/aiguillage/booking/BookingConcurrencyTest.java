package fr.aiguillage.booking;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static fr.aiguillage.support.BookingScenario.booking;
import static org.assertj.core.api.Assertions.assertThat;

/** Many operators clicking at once: the database lets exactly one booking per slot through. */
class BookingConcurrencyTest extends ApiTest {

  private String operator;
  private BookingScenario scenario;
  private String patient;

  @BeforeAll
  void scene() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    operator = server.tokenFor("rush-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    scenario = new BookingScenario(server, coordinatorOf("rush-coordinator", Fixtures.THAU));
    patient = scenario.patient(Fixtures.aPatientInSete());
  }

  private List<Future<HttpResponse<Buffer>>> fire(TestServer target, List<JsonObject> bodies) {
    WebClient client = WebClient.create(target.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(target.port()), new PoolOptions().setHttp1MaxSize(100));
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (JsonObject body : bodies) {
      calls.add(client.post("/api/v1/appointments").bearerTokenAuthentication(operator).sendJsonObject(body));
    }
    return calls;
  }

  private static List<Integer> statuses(List<Future<HttpResponse<Buffer>>> calls) {
    Await.result(Future.join(calls));
    return calls.stream().map(f -> f.result().statusCode()).toList();
  }

  @Test
  @DisplayName("100 concurrent bookings of one slot: exactly one 201 and 99 SLOT_TAKEN")
  void oneSlotHundredRequests() {
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String slot = scenario.slot(gp, "2026-11-24T09:00:00+01:00", "2026-11-24T09:20:00+01:00");
    List<JsonObject> bodies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      bodies.add(booking(slot, patient));
    }
    List<Future<HttpResponse<Buffer>>> calls = fire(server, bodies);
    List<Integer> statuses = statuses(calls);
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(99);
    assertThat(calls.stream().filter(f -> f.result().statusCode() == 409)
        .map(f -> f.result().bodyAsJsonObject().getString("code"))).containsOnly("SLOT_TAKEN");
    assertThat(server.count("SELECT count(*) FROM appointment WHERE slot_id = '" + slot + "'")).isEqualTo(1);
  }

  @Test
  @DisplayName("100 requests over 10 slots from two instances on one database: exactly 10 bookings, none twice")
  void tenSlotsTwoInstances() {
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    List<String> slots = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      slots.add(scenario.slot(gp, String.format("2026-11-25T%02d:00:00+01:00", 8 + i),
          String.format("2026-11-25T%02d:20:00+01:00", 8 + i)));
    }
    try (TestServer second = TestServer.start(server.db, server.clock)) {
      List<JsonObject> toFirst = new ArrayList<>();
      List<JsonObject> toSecond = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        (i % 2 == 0 ? toFirst : toSecond).add(booking(slots.get(i % 10), patient));
      }
      List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>(fire(server, toFirst));
      calls.addAll(fire(second, toSecond));
      List<Integer> statuses = statuses(calls);
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(90);
    }
    assertThat(server.count("SELECT count(*) FROM appointment WHERE professional_id = '" + gp.getString("id")
        + "' AND status = 'booked'")).isEqualTo(10);
    assertThat(server.count("SELECT count(DISTINCT slot_id) FROM appointment WHERE professional_id = '"
        + gp.getString("id") + "'")).isEqualTo(10);
    assertThat(server.count("SELECT count(*) FROM slot WHERE professional_id = '" + gp.getString("id")
        + "' AND status = 'booked'")).isEqualTo(10);
  }
}
