package fr.aiguillage.indicators;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.indicators.http.IndicatorRoutes;
import fr.aiguillage.indicators.store.RollupStore;
import fr.aiguillage.security.AuditTrail;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

/** Wires the indicators from the shared parts, starts their rollups' refresher and hands back their routes. */
public final class IndicatorsModule {

  private final IndicatorRoutes routes;

  public IndicatorsModule(Vertx vertx, Pool pool, Clock clock, AuditTrail audit, Supplier<Set<String>> territoryIds,
                          AppConfig config) {
    this.routes = new IndicatorRoutes(new IndicatorService(pool, clock, audit, territoryIds),
        new CsvExport(config.indicators().smallCountThreshold()), clock);
    int seconds = config.section("indicators").getInteger("rollupRefreshSeconds", 30);
    new RollupRefresher(pool, new RollupStore(), clock).start(vertx, seconds * 1000L);
    if (config.section("indicators").getBoolean("warmUp", true)) {
      // the first report after a start would otherwise pay for cold code and new connections (decision 0030)
      routes.warmUp();
    }
  }

  public IndicatorRoutes routes() {
    return routes;
  }
}
