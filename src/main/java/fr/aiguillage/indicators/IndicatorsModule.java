package fr.aiguillage.indicators;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.indicators.http.IndicatorRoutes;
import fr.aiguillage.security.AuditTrail;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

/** Wires the indicators from the shared parts and hands back their routes. */
public final class IndicatorsModule {

  private final IndicatorRoutes routes;

  public IndicatorsModule(Pool pool, Clock clock, AuditTrail audit, Supplier<Set<String>> territoryIds,
                          AppConfig.Indicators settings) {
    this.routes = new IndicatorRoutes(new IndicatorService(pool, clock, audit, territoryIds),
        new CsvExport(settings.smallCountThreshold()), clock);
  }

  public IndicatorRoutes routes() {
    return routes;
  }
}
