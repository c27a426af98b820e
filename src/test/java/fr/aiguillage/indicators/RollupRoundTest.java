package fr.aiguillage.indicators;

import fr.aiguillage.db.Pools;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.indicators.store.RollupStore;
import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresher round consumes the changes queued before it began and leaves the later ones to the next round: under
 * a stream of bookings a round that chased them rewrote the same day's block again and again (bench-booking: 90
 * member rows written per booking, decision 0034).
 */
class RollupRoundTest extends ApiTest {

  private static final String CHANGE = "INSERT INTO indicator_change (source, territory_id, day)"
      + " VALUES ('calls', '" + Fixtures.THAU + "', date '2026-11-20')";

  private Pool pool;
  private final RollupStore rollups = new RollupStore();

  /** The service's own refresher runs once at its start, not during these tests' rounds. */
  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_INDICATORS_ROLLUP_REFRESH_SECONDS", "3600");
  }

  @BeforeEach
  void emptyQueue() throws Exception {
    pool = Pools.create(server.vertx, server.db, 2);
    drain(Long.MAX_VALUE);
  }

  @AfterEach
  void closePool() throws Exception {
    pool.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a round bounded by the last change at its start leaves the changes queued after it for the next round")
  void roundStopsAtItsStart() throws Exception {
    server.execute(CHANGE);
    server.execute(CHANGE);
    long upTo = rollups.lastChange(pool).await(30, TimeUnit.SECONDS);
    server.execute(CHANGE); // queued while the round runs

    assertThat(drain(upTo)).isEqualTo(2);
    assertThat(server.count("SELECT count(*) FROM indicator_change")).isEqualTo(1);
    assertThat(drain(rollups.lastChange(pool).await(30, TimeUnit.SECONDS))).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM indicator_change")).isZero();
  }

  @Test
  @DisplayName("the refresher's round consumes what was queued before it and reports how much")
  void refresherRound() throws Exception {
    server.execute(CHANGE);
    server.execute(CHANGE);
    int consumed = new RollupRefresher(pool, rollups, server.clock).runOnce().await(60, TimeUnit.SECONDS);
    assertThat(consumed).isEqualTo(2);
    assertThat(server.count("SELECT count(*) FROM indicator_change")).isZero();
  }

  @Test
  @DisplayName("an agenda change of a day not yet passed waits for its day, kept once however many bookings made it")
  void agendaDaysWaitForTheirDay() throws Exception {
    LocalDate today = today();
    server.execute(agenda(today.plusDays(2)));
    server.execute(agenda(today.plusDays(2)));
    server.execute(agenda(today));
    server.execute(agenda(today.minusDays(1)));

    assertThat(drain(Long.MAX_VALUE)).as("only the day already passed").isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM indicator_change WHERE day = date '" + today.plusDays(2) + "'"))
        .as("one change left for the day after tomorrow").isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM indicator_change")).isEqualTo(2);

    Instant before = server.clock.instant();
    server.clock.set(before.plus(Duration.ofDays(3)));
    try {
      int consumed = new RollupRefresher(pool, rollups, server.clock).runOnce().await(60, TimeUnit.SECONDS);
      assertThat(consumed).as("both days have passed").isEqualTo(2);
      assertThat(server.count("SELECT count(*) FROM indicator_change")).isZero();
    } finally {
      server.clock.set(before);
    }
  }

  private static String agenda(LocalDate day) {
    return "INSERT INTO indicator_change (source, territory_id, day) VALUES ('agenda', '" + Fixtures.THAU
        + "', date '" + day + "')";
  }

  private LocalDate today() {
    return LocalDate.ofInstant(server.clock.instant(), SqlTime.PARIS);
  }

  private int drain(long upTo) throws Exception {
    int total = 0;
    for (int n = rollups.refresh(pool, upTo, today()).await(60, TimeUnit.SECONDS); n > 0;
         n = rollups.refresh(pool, upTo, today()).await(60, TimeUnit.SECONDS)) {
      total += n;
    }
    return total;
  }
}
