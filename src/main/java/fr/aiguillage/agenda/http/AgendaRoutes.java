package fr.aiguillage.agenda.http;

import fr.aiguillage.agenda.AbsenceService;
import fr.aiguillage.agenda.HorizonJob;
import fr.aiguillage.agenda.RuleService;
import fr.aiguillage.agenda.SlotSearch;
import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.agenda.coverage.CoverageRoutes;
import fr.aiguillage.agenda.coverage.SnpCoverage;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Every route of the agenda: slots, rules, absences, SNP coverage and the nearest-slot search. */
public final class AgendaRoutes {

  private final SlotRoutes slots;
  private final RuleRoutes rules;
  private final AbsenceRoutes absences;
  private final CoverageRoutes coverage;
  private final SearchRoutes search;

  public AgendaRoutes(SlotService slots, RuleService rules, HorizonJob horizon, AbsenceService absences,
                      SnpCoverage coverage, SlotSearch search) {
    this.slots = new SlotRoutes(slots);
    this.rules = new RuleRoutes(rules, horizon);
    this.absences = new AbsenceRoutes(absences);
    this.coverage = new CoverageRoutes(coverage);
    this.search = new SearchRoutes(search);
  }

  public void mount(RouterBuilder api) {
    slots.mount(api);
    rules.mount(api);
    absences.mount(api);
    coverage.mount(api);
    search.mount(api);
  }
}
