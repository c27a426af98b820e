package fr.aiguillage.triage;

import fr.aiguillage.agenda.SlotSearch;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.triage.http.TriageRoutes;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.time.Clock;

/** Triage wiring: the rules in force (from the file), the service, and the routes. */
public final class TriageModule {

  private final TriageService service;
  private final TriageRoutes routes;

  public TriageModule(Pool pool, Clock clock, AuditTrail audit, PatientService patients, SlotSearch search,
                      Path rulesFile) {
    RulesInForce rules = new RulesInForce(rulesFile);
    this.service = new TriageService(pool, clock, audit, rules, patients);
    this.routes = new TriageRoutes(service, search, patients, clock);
  }

  public TriageService service() {
    return service;
  }

  /** The triage routes, for the router (this package stays free of the web layer). */
  public TriageRoutes routes() {
    return routes;
  }
}
