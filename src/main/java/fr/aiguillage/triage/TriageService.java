package fr.aiguillage.triage;

import java.util.Optional;
import java.util.Set;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.triage.model.Assessment;
import fr.aiguillage.triage.model.Orientation;
import fr.aiguillage.triage.model.TriageRequest;
import fr.aiguillage.triage.model.TriageResult;
import fr.aiguillage.triage.model.Urgency;
import fr.aiguillage.triage.model.Vocabulary;
import fr.aiguillage.triage.store.TriageStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Triage as a record: assess, let an operator override with a reason, and tell booking when it must refuse. */
public final class TriageService {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final RulesInForce rules;
  private final PatientService patients;
  private final TriageStore store = new TriageStore();

  public TriageService(Pool pool, Clock clock, AuditTrail audit, RulesInForce rules, PatientService patients) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.rules = rules;
    this.patients = patients;
  }

  public Future<Assessment> assess(Caller caller, TriageRequest request) {
    TriageResult result = evaluate(caller, request);
    Future<String> territory = request.patientId() == null
        ? Future.succeededFuture(caller.account().territories().isEmpty() ? null : caller.account().territories().get(0))
        : patients.get(caller, request.patientId()).map(p -> p.territoryId());
    return territory.compose(t -> {
      Assessment a = new Assessment(UUID.randomUUID(), request.callId(), request.patientId(), t, result.urgency(),
          result.orientation(), result.redFlags(), result.outOfHours(), result.advice(), result.rulesVersion(),
          result.decidedBy(), result.ruleId(), result.explanation(), result.questions(), null,
          OffsetDateTime.ofInstant(clock.instant(), OutOfHours.PARIS));
      return pool.withTransaction(tx -> store.insert(tx, a, request, caller.accountId(), clock.instant())
          .compose(v -> audit.record(tx, event(caller, "triage.create", a)
              .withDetail("rules " + a.rulesVersion() + ", " + a.ruleId() + " → " + a.urgency())))
          .map(a));
    });
  }

  /** The same answer as {@link #assess}, computed in memory: nothing stored, nothing audited (no patient read). */
  public TriageResult preview(Caller caller, TriageRequest request) {
    return evaluate(caller, request);
  }

  /** The complaints, red flags and questions of the rules in force, with their French labels. */
  public Vocabulary vocabulary(Caller caller) {
    requireRole(caller);
    return Vocabularies.of(rules.engine().rules());
  }

  private TriageResult evaluate(Caller caller, TriageRequest request) {
    requireRole(caller);
    if (request.age() < 0 || request.age() > 130) {
      throw new Invalid("age", "years between 0 and 130 (decimals allowed: 0.2 is about ten weeks)");
    }
    TriageEngine engine = rules.engine();
    List<fr.aiguillage.failure.FieldError> refused = engine.refusedAnswers(request);
    if (!refused.isEmpty()) {
      throw new Invalid(refused);
    }
    return engine.assess(request, clock.instant());
  }

  public Future<Assessment> get(Caller caller, UUID id) {
    requireRole(caller);
    return find(pool, id).map(a -> visible(caller, a))
        .compose(a -> audit.record(event(caller, "triage.read", a)).map(a));
  }

  public Future<Assessment> override(Caller caller, UUID id, Urgency urgency, Orientation orientation, String reason) {
    requireRole(caller);
    if (reason == null || reason.isBlank()) {
      throw new Invalid("reason", "an override needs its reason");
    }
    return pool.withTransaction(tx -> find(tx, id).map(a -> visible(caller, a))
        .compose(a -> store.override(tx, id, urgency, orientation, reason.trim(), caller.accountId(), clock.instant()))
        .compose(a -> audit.record(tx, event(caller, "triage.override", a).withDetail("rules " + a.rulesVersion()
            + ", " + a.urgency() + " → " + urgency + ": " + reason.trim())).map(a)));
  }

  /** For booking, on its transaction: refuses a slot for a triage whose effective urgency is VITAL. */
  public Future<Void> requireBookable(SqlClient tx, UUID triageId) {
    if (triageId == null) {
      return Future.succeededFuture();
    }
    return find(tx, triageId).compose(a -> a.effectiveUrgency() == Urgency.VITAL
        ? Future.failedFuture(new Conflict("TRIAGE_VITAL",
            "this triage found a vital emergency: call the 15; override it with a reason to book"))
        : Future.<Void>succeededFuture());
  }

  private Future<Assessment> find(SqlClient db, UUID id) {
    return store.findById(db, id).map(found -> found.orElseThrow(() -> new NotFound("triage " + id)));
  }

  private static Assessment visible(Caller caller, Assessment a) {
    if (a.territoryId() != null && !caller.account().territories().contains(a.territoryId())) {
      throw new Forbidden("this triage belongs to another territory");
    }
    return a;
  }

  static void requireRole(Caller caller) {
    if (!caller.hasAny(Role.OPERATOR, Role.COORDINATOR, Role.ORIENTER)) {
      throw new Forbidden("triage is for the secretariat and orienting professionals");
    }
  }

  static AuditEvent event(Caller caller, String action, Assessment a) {
    return AuditEvent.of(caller, action, "triage", a.id(), a.territoryId());
  }

  /** What the slot search needs from a triage (the effective orientation). */
  public static List<String> skills(Orientation o) {
    return o == null || o.skills() == null ? List.of() : o.skills();
  }

  /** The territory the triage was made in; empty if unknown. */
  public Future<Optional<Set<String>>> territoriesOf(UUID id) {
    return store.territoriesOf(pool, id);
  }
}
