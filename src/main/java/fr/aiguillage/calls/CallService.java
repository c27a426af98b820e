package fr.aiguillage.calls;

import java.util.Optional;
import java.util.Set;
import fr.aiguillage.calls.model.Call;
import fr.aiguillage.calls.model.CallPatch;
import fr.aiguillage.calls.model.CallQuery;
import fr.aiguillage.calls.model.CallStatus;
import fr.aiguillage.calls.model.NewCall;
import fr.aiguillage.calls.store.CallStore;
import fr.aiguillage.directory.PhoneNumbers;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.Patient;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Calls as operators and coordinators of the line's territory see them. */
public final class CallService {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final PatientService patients;
  private final CallStore store = new CallStore();

  public CallService(Pool pool, Clock clock, AuditTrail audit, PatientService patients) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.patients = patients;
  }

  /** A call and the patients whose phone matches the caller. */
  public record CallWithPatients(Call call, List<Patient> patients) {
  }

  public Future<Call> create(Caller caller, NewCall request) {
    require(caller, request.territoryId());
    String number = request.caller() == null || request.caller().isBlank() ? null
        : PhoneNumbers.toE164("caller", request.caller());
    Call call = new Call(UUID.randomUUID(), null, null, request.territoryId(), number, CallStatus.ANSWERED, null,
        OffsetDateTime.ofInstant(clock.instant(), fr.aiguillage.db.SqlTime.PARIS), null, null, caller.accountId(),
        request.patientId(), null, request.note(), "MANUAL", null);
    return pool.withTransaction(tx -> store.insertManual(tx, call, clock.instant())
            .compose(v -> audit.record(tx, event(caller, "call.create", call))))
        .compose(v -> store.findById(pool, call.id())).map(found -> found.orElseThrow());
  }

  public Future<List<Call>> find(Caller caller, CallQuery query) {
    requireRole(caller);
    CallQuery scoped = new CallQuery(query.status(), query.from(), query.to(), caller.account().territories(),
        query.limit());
    return store.find(pool, scoped)
        .compose(calls -> audit.record(AuditEvent.of(caller, "call.list", "call", null, null)).map(calls));
  }

  public Future<CallWithPatients> get(Caller caller, UUID id) {
    return visible(caller, id).compose(call -> audit.record(event(caller, "call.read", call))
        .compose(v -> call.caller() == null ? Future.succeededFuture(List.<Patient>of())
            : patients.findByPhone(caller, call.caller()))
        .map(found -> new CallWithPatients(call, found)));
  }

  public Future<Call> update(Caller caller, UUID id, CallPatch patch) {
    return visible(caller, id).compose(call -> pool.withTransaction(tx -> store.update(tx, id, patch, clock.instant())
        .compose(changed -> audit.record(tx, event(caller, "call.update", changed)).map(changed))));
  }

  private Future<Call> visible(Caller caller, UUID id) {
    requireRole(caller);
    return store.findById(pool, id).map(found -> {
      Call call = found.orElseThrow(() -> new NotFound("call " + id));
      require(caller, call.territoryId());
      return call;
    });
  }

  private static void require(Caller caller, String territory) {
    requireRole(caller);
    if (!caller.account().territories().contains(territory)) {
      throw new Forbidden("this call belongs to another territory");
    }
  }

  private static void requireRole(Caller caller) {
    if (!caller.hasAny(Role.OPERATOR, Role.COORDINATOR)) {
      throw new Forbidden("calls are for operators and coordinators");
    }
  }

  private static AuditEvent event(Caller caller, String action, Call call) {
    return AuditEvent.of(caller, action, "call", call.id(), call.territoryId());
  }

  /** The territory of the call's line; empty if unknown. */
  public Future<Optional<Set<String>>> territoriesOf(UUID id) {
    return store.territoriesOf(pool, id);
  }
}
