package fr.aiguillage.agenda;

import fr.aiguillage.agenda.coverage.SnpCoverage;
import fr.aiguillage.agenda.http.AgendaRoutes;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.security.AuditTrail;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The agenda's wiring: who may manage an agenda, slots, rules and their horizon job, absences, the nearest-slot
 * search (on its own pool) and the SNP coverage; its routes; the hourly horizon run.
 */
public final class AgendaModule {

  private static final Logger LOG = LoggerFactory.getLogger(AgendaModule.class);

  private final Pool pool;
  private final Clock clock;
  private final TerritoryService territories;
  private final AgendaAccess access;
  private final SlotService slots;
  private final RuleService rules;
  private final AbsenceService absences;
  private final HorizonJob horizon;
  private final SlotSearch search;

  public AgendaModule(Pool pool, Pool searchPool, Clock clock, AuditTrail audit, TerritoryService territories,
                      ProfessionalService professionals, AppConfig config) {
    this.pool = pool;
    this.clock = clock;
    this.territories = territories;
    this.access = new AgendaAccess(professionals);
    this.slots = new SlotService(pool, clock, audit, access, config.agendaHorizonDays());
    this.rules = new RuleService(pool, clock, audit, access, config.agendaHorizonDays());
    this.absences = new AbsenceService(pool, clock, audit, access);
    this.horizon = new HorizonJob(pool, clock, rules);
    this.search = new SlotSearch(searchPool, clock, audit, territories,
        Duration.ofMinutes(config.bookingLeadMinutes()));
  }

  public AgendaAccess access() {
    return access;
  }

  public SlotService slots() {
    return slots;
  }

  public RuleService rules() {
    return rules;
  }

  public AbsenceService absences() {
    return absences;
  }

  public SlotSearch search() {
    return search;
  }

  /** Extends every rule to the horizon now, then hourly (idempotent: a missed hour or a second instance costs nothing). */
  public Future<Void> start(Vertx vertx) {
    return horizon.run().onSuccess(v -> {
      long hour = TimeUnit.HOURS.toMillis(1);
      vertx.setPeriodic(hour, hour, id -> horizon.run()
          .onFailure(e -> LOG.error("Horizon job failed: {}", e.getMessage())));
    }).mapEmpty();
  }

  public AgendaRoutes routes() {
    return new AgendaRoutes(slots, rules, horizon, absences, new SnpCoverage(pool, clock, territories), search);
  }
}
