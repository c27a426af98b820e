package fr.aiguillage.indicators;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.indicators.http.IndicatorRoutes;
import fr.aiguillage.indicators.store.RollupStore;
import fr.aiguillage.security.AuditTrail;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Wires the indicators from the shared parts, starts their rollups' refresher and hands back their routes. */
public final class IndicatorsModule {

  private final IndicatorService indicators;
  private final IndicatorRoutes routes;
  private final boolean warm;
  private final int connections;

  public IndicatorsModule(Vertx vertx, Pool pool, Clock clock, AuditTrail audit, Supplier<Set<String>> territoryIds,
                          AppConfig config) {
    this.indicators = new IndicatorService(pool, clock, audit, territoryIds);
    this.routes = new IndicatorRoutes(indicators,
        new CsvExport(config.indicators().smallCountThreshold()), clock);
    int seconds = config.section("indicators").getInteger("rollupRefreshSeconds", 30);
    new RollupRefresher(pool, new RollupStore(), clock).start(vertx, seconds * 1000L);
    this.warm = config.section("indicators").getBoolean("warmUp", true);
    this.connections = config.dbPoolSize();
  }

  /**
   * Start-up warm-up (decisions 0030, 0036), awaited before the service listens: the first report after a start would
   * otherwise pay for cold code, new connections and statements prepared on cold backends. {@code alsoOnEach} runs
   * first on each of the pool's connections (the session lookup). Never fails.
   */
  public Future<Void> warmUp(Function<SqlClient, Future<?>> alsoOnEach) {
    if (!warm) {
      return Future.succeededFuture();
    }
    return routes.warmUp(indicators.warmUp(connections, alsoOnEach));
  }

  public IndicatorRoutes routes() {
    return routes;
  }
}
