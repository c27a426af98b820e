package fr.aiguillage.rota;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.rota.http.RotaRoutes;
import fr.aiguillage.security.AuditTrail;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;

/** Wires the rota from the shared parts and hands back its routes; reads the {@code rota} section of the settings. */
public final class RotaModule {

  /** {@code rota.gapsAheadHours}: how far ahead the coordinator's home screen lists gaps (72). */
  public record Settings(int gapsAheadHours) {

    static Settings from(JsonObject section) {
      return new Settings(Integer.parseInt(String.valueOf(section.getValue("gapsAheadHours", 72))));
    }
  }

  private final RotaRoutes routes;

  public RotaModule(Vertx vertx, Pool pool, Clock clock, AuditTrail audit, ProfessionalService professionals,
                    AppConfig config) {
    Settings settings = Settings.from(config.section("rota"));
    RotaMonths months = new RotaMonths(pool, clock, audit, professionals);
    this.routes = new RotaRoutes(new RotaSetup(pool, clock, audit), months,
        new RotaProposals(vertx, pool, clock, audit, professionals, months), new RotaDuties(pool, clock, audit, months),
        Duration.ofHours(settings.gapsAheadHours()));
  }

  public RotaRoutes routes() {
    return routes;
  }
}
