package fr.aiguillage.privacy;

import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.Patient;
import fr.aiguillage.privacy.model.Erasure;
import fr.aiguillage.privacy.model.ErasureRequest;
import fr.aiguillage.privacy.store.ErasureStore;
import fr.aiguillage.privacy.store.ExportStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A patient's rights exercised through a coordinator of their territory: access (everything held on them) and
 * erasure (identity removed, records under a duty kept). Rectification is the patient update. All audited.
 */
public final class PatientRights {

  /** What erasure keeps, and why (docs/privacy.md). */
  static final List<String> KEPT = List.of("triages", "appointments", "calls (without the caller's number)",
      "waitlistRequests (closed, without number or notes)", "accessLog");

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final PatientService patients;
  private final ExportStore exports = new ExportStore();
  private final ErasureStore erasures = new ErasureStore();

  public PatientRights(Pool pool, Clock clock, AuditTrail audit, PatientService patients) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.patients = patients;
  }

  /** The export, as JSON (the HTML page is drawn from the same document). */
  public Future<JsonObject> export(Caller caller, UUID patientId) {
    return requireCoordinator(caller)
        .compose(v -> patients.visibleIn(pool, caller, patientId))
        .compose(patient -> exports.export(pool, patientId)
            .compose(doc -> audit.record(event(caller, "patient.export", patient)).map(doc)))
        .map(doc -> doc.put("generatedAt", clock.instant().toString()));
  }

  public Future<Erasure> erase(Caller caller, UUID patientId, ErasureRequest request) {
    if (request.reason() == null || request.reason().isBlank()) {
      return Future.failedFuture(new Invalid("reason", "the reason for the erasure is required"));
    }
    return requireCoordinator(caller).compose(v -> pool.withTransaction(tx -> eraseIn(tx, caller, patientId,
        request.reason().strip())));
  }

  private Future<Erasure> eraseIn(SqlClient tx, Caller caller, UUID patientId, String reason) {
    Instant now = clock.instant();
    return erasures.lock(tx, patientId)
        .map(found -> found.orElseThrow(() -> new NotFound("patient " + patientId)))
        .compose(erasedAt -> erasedAt.isPresent()
            ? Future.failedFuture(new Conflict("PATIENT_ALREADY_ERASED", "this patient's identity was erased on "
                + erasedAt.get()))
            : patients.visibleIn(tx, caller, patientId))
        .compose(patient -> refuseUpcoming(tx, patientId, now)
            .compose(v -> erasures.eraseIdentity(tx, patientId, now))
            .compose(v -> erasures.eraseCalls(tx, patientId, now))
            .compose(v -> erasures.eraseNotifications(tx, patientId))
            .compose(v -> erasures.eraseWaitlist(tx, patientId, now))
            .compose(v -> audit.record(tx, event(caller, "patient.erase", patient).withDetail(reason))))
        .map(v -> new Erasure(patientId, now, KEPT));
  }

  /** An appointment still to come is cancelled first, on purpose, rather than left without a name. */
  private Future<Void> refuseUpcoming(SqlClient tx, UUID patientId, Instant now) {
    return erasures.upcomingAppointments(tx, patientId, now).compose(upcoming -> upcoming > 0
        ? Future.failedFuture(new Conflict("PATIENT_HAS_UPCOMING_APPOINTMENT",
            "cancel the patient's " + upcoming + " upcoming appointment(s) before erasing them"))
        : Future.succeededFuture());
  }

  private static Future<Void> requireCoordinator(Caller caller) {
    return caller.has(Role.COORDINATOR) ? Future.succeededFuture()
        : Future.failedFuture(new Forbidden("a patient's rights are exercised through a coordinator"));
  }

  private static AuditEvent event(Caller caller, String action, Patient patient) {
    return AuditEvent.of(caller, action, "patient", patient.id(), patient.territoryId());
  }
}
