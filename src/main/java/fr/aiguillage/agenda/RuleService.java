package fr.aiguillage.agenda;

import java.util.Optional;
import java.util.Set;
import fr.aiguillage.agenda.model.AvailabilityRule;
import fr.aiguillage.agenda.model.Interval;
import fr.aiguillage.agenda.model.RuleChange;
import fr.aiguillage.agenda.model.RuleRequest;
import fr.aiguillage.agenda.store.RuleStore;
import fr.aiguillage.agenda.store.SlotStore;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Recurring availability. Creating, changing or deleting a rule (re)materialises its future slots up to
 * the horizon in the same transaction; booked slots are never touched and come back as conflicts.
 */
public final class RuleService {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final AgendaAccess access;
  private final int horizonDays;
  private final RuleStore rules = new RuleStore();
  private final SlotStore slots = new SlotStore();

  public RuleService(Pool pool, Clock clock, AuditTrail audit, AgendaAccess access, int horizonDays) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.access = access;
    this.horizonDays = horizonDays;
  }

  public Future<RuleChange> create(Caller caller, UUID professionalId, RuleRequest request) {
    AvailabilityRule rule = RuleRequests.toRule(UUID.randomUUID(), professionalId, request);
    return access.toManage(caller, professionalId)
        .compose(p -> {
          AgendaAccess.requireSite(p, rule.siteId());
          return pool.withTransaction(tx -> rules.insert(tx, rule, clock.instant())
              .compose(v -> materialise(tx, rule, clock.instant()))
              .compose(made -> audited(tx, caller, "rule.create", rule, p)
                  .map(new RuleChange(rule, made.created(), 0, made.skipped(), List.of()))));
        });
  }

  public Future<AvailabilityRule> get(Caller caller, UUID ruleId) {
    return rules.findById(pool, ruleId, false)
        .map(found -> found.orElseThrow(() -> new NotFound("availability rule " + ruleId)))
        .compose(rule -> access.toRead(caller, rule.professionalId()).map(rule));
  }

  public Future<RuleChange> update(Caller caller, UUID ruleId, RuleRequest request) {
    return managed(caller, ruleId).compose(p -> pool.withTransaction(tx -> lock(tx, ruleId)
        .compose(current -> {
          AvailabilityRule changed = RuleRequests.toRule(ruleId, current.professionalId(), request);
          AgendaAccess.requireSite(p, changed.siteId());
          Instant now = clock.instant();
          return rules.update(tx, changed, now)
              .compose(v -> slots.cancelFutureUnbooked(tx, ruleId, now))
              .compose(removed -> materialise(tx, changed, now)
                  .compose(made -> slots.futureBookedOfRule(tx, ruleId, now)
                      .map(conflicts -> new RuleChange(changed, made.created(), removed, made.skipped(), conflicts))))
              .compose(change -> audited(tx, caller, "rule.update", changed, p).map(change));
        })));
  }

  /** The rule's professional, if the caller may manage them; checked before any transaction opens. */
  private Future<Professional> managed(Caller caller, UUID ruleId) {
    return rules.findById(pool, ruleId, false)
        .map(found -> found.orElseThrow(() -> new NotFound("availability rule " + ruleId)))
        .compose(rule -> access.toManage(caller, rule.professionalId()));
  }

  public Future<RuleChange> delete(Caller caller, UUID ruleId) {
    return managed(caller, ruleId).compose(p -> pool.withTransaction(tx -> lock(tx, ruleId)
        .compose(rule -> {
          Instant now = clock.instant();
          return rules.deactivate(tx, ruleId, now)
              .compose(v -> slots.cancelFutureUnbooked(tx, ruleId, now))
              .compose(removed -> slots.futureBookedOfRule(tx, ruleId, now)
                  .map(conflicts -> new RuleChange(rule, 0, removed, 0, conflicts)))
              .compose(change -> audited(tx, caller, "rule.delete", rule, p).map(change));
        })));
  }

  /** Slots made from a rule, and the periods skipped because a live slot was already there. */
  record Materialised(int created, int skipped) {
  }

  /** Creates the rule's slots from now to the horizon and records how far they go. */
  Future<Materialised> materialise(SqlClient tx, AvailabilityRule rule, Instant now) {
    Instant horizon = horizon(now);
    List<Interval> periods = Occurrences.between(rule, now, horizon);
    return slots.insertRuleSlots(tx, rule, periods, now)
        .compose(created -> rules.markMaterialised(tx, rule.id(), horizon)
            .map(new Materialised(created, periods.size() - created)));
  }

  Instant horizon(Instant now) {
    return now.plus(Duration.ofDays(horizonDays));
  }

  private Future<AvailabilityRule> lock(SqlClient tx, UUID ruleId) {
    return rules.findById(tx, ruleId, true)
        .map(found -> found.orElseThrow(() -> new NotFound("availability rule " + ruleId)));
  }

  private Future<Void> audited(SqlClient tx, Caller caller, String action, AvailabilityRule rule, Professional p) {
    return audit.record(tx, SlotService.event(caller, action, rule.id(), p.territories())
        .withEntityType("availability_rule"));
  }

  /** The territory of the rule's site; empty if unknown. */
  public Future<Optional<Set<String>>> territoriesOf(UUID id) {
    return rules.territoriesOf(pool, id);
  }
}
