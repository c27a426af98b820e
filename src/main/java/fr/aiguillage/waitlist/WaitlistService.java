package fr.aiguillage.waitlist;

import java.util.Optional;
import java.util.Set;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.PhoneNumbers;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.NewPatient;
import fr.aiguillage.patient.model.Patient;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.waitlist.model.CloseReason;
import fr.aiguillage.waitlist.model.ReportRequest;
import fr.aiguillage.waitlist.model.Request;
import fr.aiguillage.waitlist.model.WaitlistStatus;
import fr.aiguillage.waitlist.store.WaitlistStore;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The list of patients seeking a médecin traitant: reported by orienters, professionals, operators and
 * coordinators; managed by operators and coordinators of the territory. Every change keeps who, when, why.
 */
public final class WaitlistService {

  private static final ZoneId PARIS = fr.aiguillage.db.SqlTime.PARIS;

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final PatientService patients;
  private final Priority priority;
  private final WaitlistStore store = new WaitlistStore();

  public WaitlistService(Pool pool, Clock clock, AuditTrail audit, PatientService patients,
                         AppConfig.Waitlist settings) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.patients = patients;
    this.priority = new Priority(settings);
  }

  public Future<Request> report(Caller caller, ReportRequest r) {
    if (!caller.hasAny(Role.ORIENTER, Role.PROFESSIONAL, Role.OPERATOR, Role.COORDINATOR)) {
      throw new Forbidden("reporting a patient is for professionals, orienters and the secretariat");
    }
    if ((r.patientId() == null) == (r.patient() == null)) {
      throw new Invalid("patientId", "give either patientId or patient");
    }
    Future<Person> person = r.patientId() != null
        ? patients.get(caller, r.patientId()).map(p -> new Person(p, null))
        : Future.succeededFuture(new Person(null, r.patient()));
    return person.compose(p -> refuseIfOpen(caller, p).map(p)).compose(p -> pool.withTransaction(tx ->
        (p.known() != null ? Future.succeededFuture(p.known()) : patients.createIn(tx, caller, p.fresh(), "patient."))
            .compose(patient -> insert(tx, caller, r, patient))))
        .recover(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? person.compose(p -> refuseIfOpen(caller, p)).compose(v -> Future.<Request>failedFuture(e))
            : Future.failedFuture(e));
  }

  /** The patient, known or about to be registered. */
  private record Person(Patient known, NewPatient fresh) {

    String identityKey() {
      return known != null ? IdentityKey.of(known.familyName(), known.givenName(), known.birthDate())
          : IdentityKey.of(fresh.familyName(), fresh.givenName(), fresh.birthDate());
    }

    String phone() {
      return known != null ? known.phone() : PhoneNumbers.parse(fresh.phone()).orElse(null);
    }
  }

  /**
   * One open request per person, across territories. The caller learns the existing request's id only when it lies
   * in one of their territories; otherwise only that another CPTS follows the person.
   */
  private Future<Void> refuseIfOpen(Caller caller, Person p) {
    return store.findOpen(pool, p.identityKey(), p.phone()).compose(open -> {
      if (open.isEmpty()) {
        return Future.succeededFuture();
      }
      if (!caller.covers(open.get().territoryId())) {
        return Future.failedFuture(new Conflict("ALREADY_ON_WAITLIST",
            "this person is already followed by another CPTS"));
      }
      return Future.failedFuture(new Conflict("ALREADY_ON_WAITLIST", "this patient already has an open request "
          + open.get().id(), Map.of("existingId", open.get().id().toString())));
    });
  }

  private Future<Request> insert(SqlClient tx, Caller caller, ReportRequest r, Patient patient) {
    Priority.Fragile fragile = priority.of(patient, today());
    Request request = new Request(UUID.randomUUID(), patient.id(), patient.territoryId(), r.source(), r.notes(),
        caller.accountId(), WaitlistStatus.OPEN, null, fragile.points(), fragile.reasons(), null, null, List.of());
    return store.insert(tx, request, IdentityKey.of(patient.familyName(), patient.givenName(), patient.birthDate()),
            patient.phone(), fragile.points(), clock.instant())
        .compose(v -> store.history(tx, request.id(), caller.accountId(), null, WaitlistStatus.OPEN, "reported",
            clock.instant()))
        .compose(v -> audit.record(tx, event(caller, "waitlist.report", request.id(), request.territoryId())))
        .map(new Request(request.id(), request.patientId(), request.territoryId(), request.source(), request.notes(),
            request.reportedBy(), request.status(), null, fragile.points(), fragile.reasons(), null,
            java.time.OffsetDateTime.ofInstant(clock.instant(), PARIS), List.of(new Request.HistoryEntry(
                java.time.OffsetDateTime.ofInstant(clock.instant(), PARIS), caller.accountId(), null,
                WaitlistStatus.OPEN, "reported"))));
  }

  public Future<Request> get(Caller caller, UUID id) {
    return load(pool, caller, id, false, true)
        .compose(r -> audit.record(event(caller, "waitlist.read", id, r.territoryId())).map(r));
  }

  public Future<WaitlistStore.Page> find(Caller caller, WaitlistStore.Query query) {
    requireManager(caller);
    WaitlistStore.Query scoped = new WaitlistStore.Query(caller.account().territories(), query.status(),
        query.communeInsee(), query.fragility(), query.territory(), query.limit(), query.offset());
    return store.find(pool, scoped, clock.instant(), priority.pointsPerMonth(), priority.maxWaitPoints())
        .compose(page -> audit.record(AuditEvent.of(caller, "waitlist.list", "waitlist", null, query.territory()))
            .map(page));
  }

  public Future<Request> close(Caller caller, UUID id, CloseReason reason) {
    return pool.withTransaction(tx -> load(tx, caller, id, true, false).compose(r -> {
      if (r.status() == WaitlistStatus.ASSIGNED || r.status() == WaitlistStatus.CLOSED) {
        return Future.failedFuture(new Conflict("WAITLIST_ENDED", "this request is already " + r.status()));
      }
      return transition(tx, caller, r, WaitlistStatus.CLOSED, reason, null, reason.name());
    })).compose(v -> get(caller, id));
  }

  /** Moves a request and writes its history and audit row, in the caller's transaction. */
  Future<Void> transition(SqlClient tx, Caller caller, Request r, WaitlistStatus to, CloseReason reason,
                          UUID assignedTo, String why) {
    return store.setStatus(tx, r.id(), to, reason, assignedTo, clock.instant())
        .compose(v -> store.history(tx, r.id(), caller.accountId(), r.status(), to, why, clock.instant()))
        .compose(v -> audit.record(tx, event(caller, "waitlist." + to.name().toLowerCase(), r.id(), r.territoryId())
            .withDetail(why)));
  }

  /** For proposals being settled: the request, whoever answers (the GP is not a manager). */
  Future<Request> loadAny(SqlClient db, UUID id) {
    return store.findById(db, id, clock.instant(), priority.pointsPerMonth(), priority.maxWaitPoints(), false)
        .map(found -> found.orElseThrow(() -> new NotFound("waiting-list request " + id)));
  }

  /** A request the caller manages (operator or coordinator of its territory). */
  Future<Request> load(SqlClient db, Caller caller, UUID id, boolean forUpdate, boolean withHistory) {
    requireManager(caller);
    return store.findById(db, id, clock.instant(), priority.pointsPerMonth(), priority.maxWaitPoints(), forUpdate)
        .map(found -> {
          Request r = found.orElseThrow(() -> new NotFound("waiting-list request " + id));
          if (!caller.account().territories().contains(r.territoryId())) {
            throw new Forbidden("this request belongs to another territory");
          }
          return r;
        });
  }

  public Future<io.vertx.core.json.JsonObject> stats(Caller caller, String territory, java.time.Instant from,
                                                      java.time.Instant to) {
    requireManager(caller);
    if (territory == null) {
      throw new fr.aiguillage.failure.Invalid("territory", "required");
    }
    if (!caller.account().territories().contains(territory)) {
      throw new Forbidden("figures of your territories only");
    }
    return store.stats(pool, territory, from, to);
  }

  static void requireManager(Caller caller) {
    if (!caller.hasAny(Role.OPERATOR, Role.COORDINATOR)) {
      throw new Forbidden("the waiting list is managed by the secretariat and the coordinators");
    }
  }

  LocalDate today() {
    return clock.instant().atZone(PARIS).toLocalDate();
  }

  static AuditEvent event(Caller caller, String action, UUID id, String territory) {
    return AuditEvent.of(caller, action, "waitlist", id, territory);
  }

  /** The territory of the request; empty if unknown. */
  public Future<Optional<Set<String>>> territoriesOf(UUID id) {
    return store.territoriesOf(pool, id);
  }
}
