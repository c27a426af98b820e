package fr.aiguillage.ops;

import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.ExternalPostgres;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.MutableClock;
import fr.aiguillage.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static fr.aiguillage.support.ApiTest.assertProblem;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on an external PostgreSQL ({@code AIGUILLAGE_DB_URL}) that is stopped and started again under it:
 * 503 with Retry-After while it is away, serving again within 5 s of its return, without a restart of the service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestartTest {

  /** The pool waits at most 5 s for a connection (Pools): no request may wait longer than that, plus slack. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(7);
  private static final Duration BACK_WITHIN = Duration.ofSeconds(5);
  private static final AtomicInteger SLOTS = new AtomicInteger();

  private ExternalPostgres pg;
  private TestServer server;
  private String coordinator;
  private BookingScenario scenario;
  private JsonObject gp;

  @BeforeAll
  void start() {
    pg = ExternalPostgres.startMigrated();
    var db = DatabaseServer.start(ConfigLoader.load(Map.of("AIGUILLAGE_DB_URL", pg.url()))).settings();
    server = TestServer.start(db, new MutableClock(Instant.parse("2026-11-23T09:00:00Z")), Map.of());
    coordinator = server.tokenFor("restart-coordinator", List.of("COORDINATOR"), List.of(Fixtures.THAU), null);
    scenario = new BookingScenario(server, coordinator);
    gp = scenario.professional(Fixtures.aGpInSete());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  @DisplayName("while the database is stopped, reads and bookings answer 503 problem+json with Retry-After, in time,"
      + " and /health names the database DOWN while /health/live stays UP")
  void awayIs503() {
    String slot = aSlot();
    pg.stop();
    try {
      assertUnavailable(() -> server.http.get("/api/v1/professionals/" + gp.getString("id"), coordinator));
      assertUnavailable(() -> server.http.post("/api/v1/appointments", coordinator, booking(slot)));
      assertUnavailable(() -> server.http.post("/api/v1/auth/login", null,
          new JsonObject().put("login", "admin").put("password", TestServer.ADMIN_PASSWORD)));

      var health = server.http.get("/health", null);
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.bodyAsJsonObject().getMap()).containsEntry("database", "DOWN").containsEntry("events", "DOWN");
      assertThat(server.http.get("/health/ready", null).statusCode()).isEqualTo(503);
      var live = server.http.get("/health/live", null);
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    } finally {
      pg.start();
    }
  }

  @Test
  @DisplayName("once the database is back the service books again within 5 s and is ready, without a restart")
  void backWithinFiveSeconds() {
    String slot = aSlot();
    pg.stop();
    pg.start();
    Instant back = Instant.now();

    var booked = until(back.plus(BACK_WITHIN), () -> server.http.post("/api/v1/appointments", coordinator,
        booking(slot)), r -> r.statusCode() == 201);
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    var ready = until(back.plus(BACK_WITHIN), () -> server.http.get("/health/ready", null),
        r -> r.statusCode() == 200);
    assertThat(ready.bodyAsJsonObject().getMap()).containsEntry("database", "UP").containsEntry("migrations", "UP")
        .containsEntry("events", "UP");
  }

  @Test
  @DisplayName("an operator's stream kept open across the restart receives the booking made as soon as the"
      + " database is back, even before the relay listens again (replayed from the log)")
  void streamMissesNothing() {
    String slot = aSlot();
    Stream stream = openStream(1);
    pg.stop();
    pg.start();
    Instant back = Instant.now();
    var booked = until(back.plus(BACK_WITHIN), () -> server.http.post("/api/v1/appointments", coordinator,
        booking(slot)), r -> r.statusCode() == 201);
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);

    Await.result(stream.received().future().timeout(10, TimeUnit.SECONDS));
    assertThat(stream.text().toString()).contains("event: slot.booked").contains(slot);
    stream.response().request().connection().close();
  }

  private record Stream(HttpClientResponse response, StringBuffer text, Promise<Void> received) {
  }

  /** Opens the operators' stream and completes {@code received} once {@code count} events have arrived. */
  private Stream openStream(int count) {
    StringBuffer text = new StringBuffer();
    Promise<Void> received = Promise.promise();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost")
        .setPort(server.port()).setURI("/api/v1/calls/stream").putHeader("Authorization", "Bearer " + coordinator);
    // The handler is set where the response arrives (its event loop), so no chunk can come before it.
    HttpClientResponse response = Await.result(server.vertx.createHttpClient().request(options)
        .compose(r -> r.send())
        .onSuccess(r -> r.handler(chunk -> {
          text.append(chunk.toString());
          if (text.toString().split("\nevent: ", -1).length > count) {
            received.tryComplete();
          }
        })));
    assertThat(response.statusCode()).isEqualTo(200);
    return new Stream(response, text, received);
  }

  private void assertUnavailable(Supplier<HttpResponse<Buffer>> request) {
    long started = System.nanoTime();
    HttpResponse<Buffer> response = request.get();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    JsonObject problem = assertProblem(response, 503, "DATABASE_UNAVAILABLE");
    assertThat(problem.getString("title")).isEqualTo("Service momentanément indisponible");
    assertThat(response.getHeader("Retry-After")).isNotBlank().containsOnlyDigits();
    assertThat(took).isLessThan(REQUEST_TIMEOUT);
  }

  /** Sends the request until its answer passes {@code done} or the deadline passes; the last answer. */
  private HttpResponse<Buffer> until(Instant deadline, Supplier<HttpResponse<Buffer>> request,
                                     java.util.function.Predicate<HttpResponse<Buffer>> done) {
    HttpResponse<Buffer> last = request.get();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      assertThat(last.statusCode()).as(last.bodyAsString()).isIn(200, 201, 503);
      Await.result(Future.<Long>future(p -> server.vertx.setTimer(50, p::complete)));
      last = request.get();
    }
    return last;
  }

  private String aSlot() {
    OffsetDateTime start = OffsetDateTime.parse("2026-11-24T08:00:00+01:00").plusMinutes(20L * SLOTS.incrementAndGet());
    return scenario.slot(gp, start.format(ISO_OFFSET_DATE_TIME), start.plusMinutes(20).format(ISO_OFFSET_DATE_TIME));
  }

  private JsonObject booking(String slot) {
    return new JsonObject().put("slotId", slot).put("reason", "Toux")
        .put("patient", Fixtures.aPatientInSete().put("phone", String.format("06 40 00 00 %02d", SLOTS.get())));
  }
}
