package fr.aiguillage.directory;

import java.util.Set;
import fr.aiguillage.directory.model.NewProfessional;
import fr.aiguillage.directory.model.NewSite;
import fr.aiguillage.directory.model.Page;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.directory.model.ProfessionalPatch;
import fr.aiguillage.directory.model.ProfessionalQuery;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.directory.store.ProfessionalStore;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The directory of professionals: who may see and change what, and the audit of it. */
public final class ProfessionalService {

  private static final String ENTITY = "professional";

  private final Pool pool;
  /** The search pool (plans kept, decision 0005): for the SAS's read by RPPS, written for a generic plan. */
  private final Pool searchPool;
  private final Clock clock;
  private final AuditTrail audit;
  private final ProfessionalValidator validator;
  private final ProfessionalStore store = new ProfessionalStore();

  public ProfessionalService(Pool pool, Pool searchPool, Clock clock, AuditTrail audit,
                             ProfessionalValidator validator) {
    this.pool = pool;
    this.searchPool = searchPool;
    this.clock = clock;
    this.audit = audit;
    this.validator = validator;
  }

  public Future<Professional> create(Caller caller, NewProfessional request) {
    requireManager(caller);
    Professional professional = validator.validNew(request);
    if (!caller.coversAll(professional.territories())) {
      throw new Forbidden("every site must lie in one of your territories");
    }
    return pool.withTransaction(tx -> store.insert(tx, professional, clock.instant())
            .compose(v -> recordWrite(tx, caller, "professional.create", professional)))
        .map(professional)
        .recover(ProfessionalService::duplicateRpps);
  }

  public Future<Professional> get(Caller caller, UUID id) {
    return store.findById(pool, id, false)
        .map(found -> visible(caller, found, id))
        .compose(p -> audit.record(event(caller, "professional.read", p)).map(p));
  }

  public Future<Page<Professional>> find(Caller caller, ProfessionalQuery query) {
    List<String> scope = caller.has(Role.ADMIN) ? null : caller.account().territories();
    ProfessionalQuery scoped = new ProfessionalQuery(query.profession(), query.skill(), query.communeInsee(),
        query.territory(), query.acceptsSnp(), query.text(), query.includeInactive(), scope, query.limit(),
        query.offset());
    return store.find(pool, scoped)
        .compose(page -> audit.record(AuditEvent.of(caller, "professional.list", ENTITY, null, query.territory()))
            .map(page));
  }

  public Future<Professional> update(Caller caller, UUID id, ProfessionalPatch patch) {
    requireManager(caller);
    return change(caller, id, "professional.update", current -> validator.patched(current, patch));
  }

  public Future<Professional> deactivate(Caller caller, UUID id) {
    requireManager(caller);
    return change(caller, id, "professional.deactivate", current -> validator.patched(current,
        new ProfessionalPatch(null, null, null, null, null, null, null, null, null, null, false)));
  }

  public Future<Professional> addSite(Caller caller, UUID id, NewSite request) {
    requireManager(caller);
    Site site = validator.validSite("", request);
    String territory = validator.territoryOf(site);
    if (!caller.covers(territory)) {
      throw new Forbidden("the site must lie in one of your territories");
    }
    return pool.withTransaction(tx -> store.findById(tx, id, true)
        .map(found -> managed(caller, found, id))
        .compose(p -> store.insertSites(tx, id, List.of(site)))
        .compose(v -> store.findById(tx, id, false))
        .compose(p -> recordWrite(tx, caller, "professional.site.create", p.orElseThrow()).map(p.orElseThrow())));
  }

  /**
   * For the waiting list, in its transaction: takes one place of the GP's médecin-traitant capacity, or
   * fails with NO_MT_CAPACITY. One conditional UPDATE, so two acceptances for the last place cannot both win.
   */
  public Future<Void> takeMtCapacity(SqlClient tx, UUID professionalId) {
    return store.takeMtCapacity(tx, professionalId).compose(taken -> taken ? Future.succeededFuture()
        : Future.failedFuture(new Conflict("NO_MT_CAPACITY", "this GP has no room left for new patients")));
  }

  /** Active GPs with room for new patients, in these territories. */
  public Future<List<Professional>> gpsWithCapacity(List<String> territories) {
    return store.find(pool, new ProfessionalQuery(fr.aiguillage.directory.model.Profession.GENERAL_PRACTITIONER, null,
        null, null, null, null, false, territories, 500, 0)).map(page -> page.items().stream()
        .filter(p -> p.mtCapacity() > 0).toList());
  }

  /** For other modules, on their connection: the territory a site lies in. */
  public Future<Optional<String>> territoryOfSite(SqlClient db, UUID siteId) {
    return store.territoryOfSite(db, siteId);
  }

  /** For other modules: the professional, whatever the caller (they apply their own rules). */
  public Future<Optional<Professional>> findForService(UUID id) {
    return store.findById(pool, id, false);
  }

  /** For other modules: the professionals with these RPPS numbers, with their sites, whatever the caller. */
  public Future<List<Professional>> findByRppsForService(List<String> rpps) {
    return rpps.isEmpty() ? Future.succeededFuture(List.of()) : store.findByRpps(searchPool, rpps);
  }

  /** For other modules: the professional practising at this site, whatever the caller. */
  public Future<Optional<Professional>> findBySiteForService(UUID siteId) {
    return store.findBySite(pool, siteId);
  }

  private Future<Professional> change(Caller caller, UUID id, String action, Function<Professional, Professional> edit) {
    return pool.withTransaction(tx -> store.findById(tx, id, true)
        .map(found -> managed(caller, found, id))
        .map(edit)
        .compose(changed -> store.update(tx, changed, clock.instant())
            .compose(v -> recordWrite(tx, caller, action, changed))
            .map(changed)));
  }

  private static void requireManager(Caller caller) {
    if (!caller.hasAny(Role.ADMIN, Role.COORDINATOR)) {
      throw new Forbidden("only coordinators and administrators change the directory");
    }
  }

  private static Professional visible(Caller caller, Optional<Professional> found, UUID id) {
    Professional p = found.orElseThrow(() -> new NotFound("professional " + id));
    if (!caller.has(Role.ADMIN) && !caller.coversAny(p.territories())) {
      throw new Forbidden("this professional practises outside your territories");
    }
    return p;
  }

  private static Professional managed(Caller caller, Optional<Professional> found, UUID id) {
    Professional p = visible(caller, found, id);
    if (!caller.has(Role.ADMIN) && !caller.coversAll(p.territories())) {
      throw new Forbidden("this professional also practises outside your territories");
    }
    return p;
  }

  private Future<Void> recordWrite(SqlClient tx, Caller caller, String action, Professional p) {
    return audit.record(tx, event(caller, action, p));
  }

  private static AuditEvent event(Caller caller, String action, Professional p) {
    return AuditEvent.of(caller, action, ENTITY, p.id(), p.territories().isEmpty() ? null : p.territories().get(0));
  }

  private static <T> Future<T> duplicateRpps(Throwable e) {
    if (e instanceof PgException pg && "23505".equals(pg.getSqlState())
        && "professional_rpps_unique".equals(pg.getConstraint())) {
      return Future.failedFuture(new Conflict("DUPLICATE_RPPS", "a professional with this RPPS already exists"));
    }
    return Future.failedFuture(e);
  }

  /** Where the professional practises (the territories of their sites); empty if unknown. */
  public Future<Optional<Set<String>>> territoriesOf(UUID id) {
    return store.territoriesOf(pool, id);
  }

  /** The territory of a site; empty if unknown. */
  public Future<Optional<Set<String>>> territoriesOfSite(UUID siteId) {
    return store.territoryOfSite(pool, siteId).map(found -> found.map(Set::of));
  }
}
