package fr.aiguillage.indicators;

import fr.aiguillage.db.Pools;
import fr.aiguillage.indicators.model.FigureValue;
import fr.aiguillage.indicators.model.Granularity;
import fr.aiguillage.indicators.store.IndicatorStore;
import fr.aiguillage.indicators.store.IndicatorStore.Params;
import fr.aiguillage.indicators.store.IndicatorStore.SourceFigures;
import fr.aiguillage.support.ApiTest;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily rollups give the very figures the catalogue's SQL gives over the records (docs/decisions/0019), on
 * seven generated weeks of two territories: once every day is rolled up, and again right after writes the
 * refresher has not seen yet.
 */
class IndicatorRollupTest extends ApiTest {

  private static final String THAU = "bassin-de-thau";
  private static final String BERANGE = "montpellier-est-berange";
  private static final Instant NOW = OffsetDateTime.parse("2026-03-20T10:17:00+01:00").toInstant();

  private final IndicatorStore store = new IndicatorStore();
  private Pool pool;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_INDICATORS_ROLLUP_REFRESH_SECONDS", "1");
  }

  @BeforeAll
  void generate() {
    server.clock.set(NOW);
    GeneratedActivity.write(server, "a");
    pool = Pools.create(server.vertx, server.db, 2);
  }

  @AfterAll
  void closePool() throws Exception {
    if (pool != null) {
      pool.close().await(1, TimeUnit.MINUTES);
    }
  }

  @Test
  @DisplayName("Once every day is rolled up, each range and granularity gives the figures of the records")
  void rolledUpDaysGiveTheRecordsFigures() throws Exception {
    awaitRefreshed();
    assertThat(server.count("SELECT count(DISTINCT day) FROM indicator_count WHERE source = 'snp' AND grain = 'd'"))
        .isGreaterThan(40);
    assertThat(server.count("SELECT count(*) FROM indicator_measure WHERE source = 'calls' AND grain = 'm'"))
        .as("month blocks beside the days").isGreaterThan(1);
    assertSameFiguresOverEveryRange();
  }

  @Test
  @DisplayName("Days changed since the last refresh are read from the records, so the figures never lag")
  void pendingDaysGiveTheRecordsFigures() throws Exception {
    awaitRefreshed();
    server.execute("UPDATE appointment SET status = 'no_show' WHERE status = 'honoured'"
        + " AND start_at < timestamptz '2026-03-01 12:00+01'");
    server.execute("UPDATE triage_assessment SET override_urgency = 'VITAL', override_reason = 'relu'"
        + " WHERE override_urgency IS NULL AND created_at BETWEEN timestamptz '2026-03-03' AND timestamptz '2026-03-04'");
    server.execute("UPDATE call SET answered_at = ringing_at + interval '7.25 seconds', status = 'ended'"
        + " WHERE status = 'ringing' AND ringing_at < timestamptz '2026-03-10'");
    server.execute("UPDATE slot SET status = 'booked' WHERE status = 'free' AND kind = 'SNP'"
        + " AND start_at BETWEEN timestamptz '2026-02-20' AND timestamptz '2026-02-22'");
    server.execute("UPDATE site SET commune_insee = (SELECT insee FROM commune WHERE territory_id = '" + BERANGE
        + "' ORDER BY insee LIMIT 1) WHERE id = md5('sitea1')::uuid");
    assertThat(server.count("SELECT count(*) FROM indicator_change")).isPositive();
    assertSameFiguresOverEveryRange();
  }

  private void assertSameFiguresOverEveryRange() throws Exception {
    List<List<String>> scopes = List.of(List.of(THAU), List.of(BERANGE), List.of(BERANGE, THAU));
    List<Instant[]> ranges = List.of(
        new Instant[] {day("2026-02-10"), day("2026-04-10")},
        new Instant[] {day("2026-03-01"), day("2026-04-01")},
        // February is a whole month before today: every source, the agenda's distinct professionals included, reads
        // it from its month block
        new Instant[] {day("2026-02-01"), day("2026-03-01")},
        new Instant[] {OffsetDateTime.parse("2026-02-20T13:27:11+01:00").toInstant(),
            OffsetDateTime.parse("2026-03-29T02:30:00+02:00").toInstant()},
        new Instant[] {OffsetDateTime.parse("2026-03-20T09:00:00+01:00").toInstant(),
            OffsetDateTime.parse("2026-03-20T18:00:00+01:00").toInstant()});
    for (List<String> territories : scopes) {
      for (Instant[] range : ranges) {
        for (Granularity g : Granularity.values()) {
          Params params = new Params(territories, range[0], range[1], g, server.clock.instant());
          Map<String, Object> fromRollups = normalized(store.read(pool, params).await(1, TimeUnit.MINUTES));
          Map<String, Object> fromRecords = normalized(store.readRecords(pool, params).await(1, TimeUnit.MINUTES));
          assertThat(fromRollups).as(territories + " " + range[0] + "/" + range[1] + " by " + g)
              .isEqualTo(fromRecords);
        }
      }
    }
  }

  /** Period (or "total") and figure code to value, figures without any record left out. */
  private static Map<String, Object> normalized(List<SourceFigures> sources) {
    Map<String, Object> values = new TreeMap<>();
    for (SourceFigures s : sources) {
      s.byPeriod().forEach((period, figures) -> put(values, period.toString(), figures));
      put(values, "total", s.total());
    }
    assertThat(values).isNotEmpty();
    return values;
  }

  private static void put(Map<String, Object> values, String period, Map<String, FigureValue> figures) {
    figures.forEach((code, value) -> {
      if (!isEmpty(value)) {
        values.put(period + " " + code, value);
      }
    });
  }

  private static boolean isEmpty(FigureValue value) {
    return value.equals(new FigureValue.Count(0)) || value.equals(new FigureValue.Share(0, 0))
        || value.equals(new FigureValue.Measure(null, 0)) || value.equals(new FigureValue.Breakdown(Map.of()));
  }

  private void awaitRefreshed() throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    // the agenda's changes of days not yet passed wait for their day (decision 0037)
    while (server.count("SELECT count(*) FROM indicator_change WHERE NOT (source = 'agenda' AND day >= date '"
        + LocalDate.ofInstant(NOW, fr.aiguillage.db.SqlTime.PARIS) + "')") > 0) {
      assertThat(System.nanoTime()).as("rollups refreshed within 2 minutes").isLessThan(deadline);
      server.vertx.timer(50).await(1, TimeUnit.SECONDS);
    }
  }

  private static Instant day(String date) {
    return LocalDate.parse(date).atStartOfDay(fr.aiguillage.db.SqlTime.PARIS).toInstant();
  }
}
