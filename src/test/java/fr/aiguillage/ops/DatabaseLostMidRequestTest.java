package fr.aiguillage.ops;

import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.ExternalPostgres;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.MutableClock;
import fr.aiguillage.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.aiguillage.support.ApiTest.assertProblem;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database lost in the middle of a request, the ways the crash soak met it: a session that dies under a
 * running statement (its server process killed), and a database that refuses new sessions while the old ones are
 * ended (an operator's maintenance: ALLOW_CONNECTIONS false, pg_terminate_backend). Each is 503
 * DATABASE_UNAVAILABLE with Retry-After, never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseLostMidRequestTest {

  private static final AtomicInteger SLOTS = new AtomicInteger();

  private ExternalPostgres pg;
  private TestServer server;
  private String coordinator;
  private BookingScenario scenario;
  private JsonObject gp;
  private String patient;

  @BeforeAll
  void start() {
    pg = ExternalPostgres.startMigrated();
    var db = DatabaseServer.start(ConfigLoader.load(Map.of("AIGUILLAGE_DB_URL", pg.url()))).settings();
    server = TestServer.start(db, new MutableClock(Instant.parse("2026-11-23T09:00:00Z")), Map.of());
    coordinator = server.tokenFor("lost-coordinator", List.of("COORDINATOR"), List.of(Fixtures.THAU), null);
    scenario = new BookingScenario(server, coordinator);
    gp = scenario.professional(Fixtures.aGpInSete());
    patient = scenario.patient(Fixtures.aPatientInSete());
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

  /** Each scenario leaves the database serving again, and the service using it. */
  @AfterEach
  void serving() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!reopened() && System.nanoTime() < deadline) {
      Await.result(Future.<Long>future(p -> server.vertx.setTimer(50, p::complete)));
    }
    while (server.http.get("/health/ready", null).statusCode() != 200 && System.nanoTime() < deadline) {
      Await.result(Future.<Long>future(p -> server.vertx.setTimer(50, p::complete)));
    }
  }

  @Test
  @DisplayName("a booking whose database session dies under its statement (server process killed) answers 503"
      + " DATABASE_UNAVAILABLE with Retry-After, not 500")
  void sessionKilledUnderTheStatement() throws Exception {
    String slot = aSlot();
    HttpResponse<Buffer> response;
    try (Connection holder = pg.session("postgres"); Statement sql = holder.createStatement()) {
      holder.setAutoCommit(false);
      sql.execute("SELECT 1 FROM slot WHERE id = '" + slot + "' FOR UPDATE");
      CompletableFuture<HttpResponse<Buffer>> booking = CompletableFuture.supplyAsync(() -> server.http.send(
          io.vertx.core.http.HttpMethod.POST, "/api/v1/appointments", coordinator,
          BookingScenario.booking(slot, patient).toBuffer(), "Idempotency-Key", UUID.randomUUID().toString()));
      long blocked = waitingOnLock(holder);
      ProcessHandle.of(blocked).orElseThrow().destroyForcibly();
      response = booking.get(30, TimeUnit.SECONDS);
    } catch (SQLException holderLostToo) {
      throw new AssertionError("the test's own session should not fail before the kill", holderLostToo);
    }
    assertUnavailable(response);
  }

  @Test
  @DisplayName("while the database refuses new sessions and its open ones are ended (ALLOW_CONNECTIONS false,"
      + " pg_terminate_backend), reads and bookings answer 503 DATABASE_UNAVAILABLE with Retry-After")
  void databaseClosedToSessions() throws Exception {
    String slot = aSlot();
    try (Connection admin = pg.session("template1"); Statement sql = admin.createStatement()) {
      sql.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS false");
      sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres'");
    }
    assertUnavailable(server.http.get("/api/v1/professionals/" + gp.getString("id"), coordinator));
    assertUnavailable(server.http.post("/api/v1/appointments", coordinator, BookingScenario.booking(slot, patient)));
  }

  /** Allows sessions again; false while the server is still recovering from a killed process. */
  private boolean reopened() {
    try (Connection admin = pg.session("template1"); Statement sql = admin.createStatement()) {
      sql.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS true");
      return true;
    } catch (SQLException recovering) {
      return false;
    }
  }

  /** The pid of the one server process waiting on a lock (the booking behind the holder's row lock). */
  private static long waitingOnLock(Connection holder) throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Statement sql = holder.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (ResultSet waiting = sql.executeQuery(
            "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
          if (waiting.next()) {
            return waiting.getLong(1);
          }
        }
      }
    }
    throw new AssertionError("no booking came to wait on the slot's lock");
  }

  private static void assertUnavailable(HttpResponse<Buffer> response) {
    assertProblem(response, 503, "DATABASE_UNAVAILABLE");
    assertThat(response.getHeader("Retry-After")).isNotBlank().containsOnlyDigits();
  }

  private String aSlot() {
    OffsetDateTime start = OffsetDateTime.parse("2026-11-24T08:00:00+01:00").plusMinutes(20L * SLOTS.incrementAndGet());
    return scenario.slot(gp, start.format(ISO_OFFSET_DATE_TIME), start.plusMinutes(20).format(ISO_OFFSET_DATE_TIME));
  }
}
