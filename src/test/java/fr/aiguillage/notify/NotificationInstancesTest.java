package fr.aiguillage.notify;

import fr.aiguillage.db.DbSettings;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.MutableClock;
import fr.aiguillage.support.TestDatabase;
import fr.aiguillage.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Several instances on one database, and an instance stopped before it could send: each message exactly once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationInstancesTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private final SmsGatewayStub gateway = new SmsGatewayStub();

  @AfterAll
  void stopGateway() {
    gateway.close();
  }

  private Map<String, String> settings(boolean dispatch) {
    Map<String, String> env = new HashMap<>(Map.of("AIGUILLAGE_SMS_GATEWAY_URL", gateway.url(),
        "AIGUILLAGE_NOTIFY_DISPATCH_INTERVAL_MILLIS", "3600000", "AIGUILLAGE_NOTIFY_BATCH_SIZE", "4"));
    env.put("AIGUILLAGE_NOTIFY_DISPATCH_ENABLED", String.valueOf(dispatch));
    return env;
  }

  /** An operator's token on {@code server}, a GP with slots, and a way to book patients with these phones. */
  private static final class Desk {
    final TestServer server;
    final String operator;
    final BookingScenario scenario;
    final JsonObject gp;

    Desk(TestServer server, String login) {
      this.server = server;
      server.tokenFor(login, List.of("OPERATOR"), List.of(Fixtures.THAU), null);
      String coordinator = server.tokenFor(login + "-coordinator", List.of("COORDINATOR"), List.of(Fixtures.THAU),
          null);
      this.operator = server.http.login(login, "password-of-" + login);
      this.scenario = new BookingScenario(server, coordinator);
      this.gp = scenario.professional(Fixtures.aGpInSete());
    }

    /** A 10-minute slot starting {@code n} × 10 minutes after 08:00 tomorrow. */
    void book(TestServer via, int n, String phone) {
      java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-11-24T08:00:00+01:00").plusMinutes(10L * n);
      String start = at.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      String end = at.plusMinutes(10).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      String slot = scenario.slot(gp, start, end);
      var response = via.http.post("/api/v1/appointments", operator, new JsonObject().put("slotId", slot)
          .put("patient", Fixtures.aPatientInSete().put("phone", phone).put("notificationConsent", true))
          .put("reason", "Toux"));
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    }
  }

  private static String phone(int prefix, int i) {
    return String.format("06 %02d 00 00 %02d", prefix, i);
  }

  private static String e164(int prefix, int i) {
    return String.format("+336%02d0000%02d", prefix, i);
  }

  @Test
  @DisplayName("two instances on one database dispatching at once send each confirmation and each reminder once")
  void twoInstances() {
    DbSettings db = TestDatabase.freshDatabase();
    MutableClock clock = new MutableClock(NOW);
    try (TestServer a = TestServer.start(db, clock, settings(true));
         TestServer b = TestServer.start(db, clock, settings(true))) {
      Desk desk = new Desk(a, "two-operator");
      IntStream.range(0, 24).forEach(i -> desk.book(i % 2 == 0 ? a : b, i, phone(30, i)));
      bothDispatch(a, b);
      clock.set(Instant.parse("2026-11-23T17:00:00Z"));
      bothDispatch(a, b);

      for (int i = 0; i < 24; i++) {
        assertThat(gateway.to(e164(30, i))).as("messages to patient " + i).hasSize(2);
        assertThat(gateway.deliveredTo(e164(30, i)).get(1)).startsWith("Rappel");
      }
      assertThat(a.count("SELECT count(*) FROM notification_attempt")).isEqualTo(48);
      assertThat(a.count("SELECT count(*) FROM notification WHERE status = 'sent'")).isEqualTo(48);
    }
  }

  private static void bothDispatch(TestServer a, TestServer b) {
    Future<Integer> first = a.vertx.eventBus().<Integer>request(NotifyModule.DISPATCH_ADDRESS, null)
        .map(m -> m.body());
    Future<Integer> second = b.vertx.eventBus().<Integer>request(NotifyModule.DISPATCH_ADDRESS, null)
        .map(m -> m.body());
    Await.result(Future.all(first, second));
  }

  @Test
  @DisplayName("an instance stopped between the booking and the send: the next instance sends the confirmation")
  void restart() {
    DbSettings db = TestDatabase.freshDatabase();
    MutableClock clock = new MutableClock(NOW);
    try (TestServer first = TestServer.start(db, clock, settings(false))) {
      Desk desk = new Desk(first, "restart-operator");
      desk.book(first, 0, phone(40, 1));
    }
    assertThat(gateway.to(e164(40, 1))).isEmpty();
    try (TestServer second = TestServer.start(db, clock, settings(true))) {
      assertThat(second.count("SELECT count(*) FROM notification WHERE status = 'pending' AND kind = 'CONFIRMATION'"))
          .isEqualTo(1);
      Dispatch.now(second);
      assertThat(gateway.deliveredTo(e164(40, 1))).hasSize(1);
      assertThat(second.count("SELECT count(*) FROM notification WHERE status = 'sent'")).isEqualTo(1);
    }
  }
}
