package fr.aiguillage.push;

import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.json.Json;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.Patient;
import fr.aiguillage.push.model.PushBodies;
import fr.aiguillage.push.model.PushRequest;
import fr.aiguillage.push.model.PushStatus;
import fr.aiguillage.push.store.PushStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.triage.TriageService;
import fr.aiguillage.triage.model.Assessment;
import fr.aiguillage.triage.model.Orientation;
import fr.aiguillage.triage.model.Urgency;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a request from a triage with an orientation (never VITAL): what a professional needs to decide and nothing
 * identifying, then asks the first ring, all in one transaction (with the idempotency key, as for bookings).
 */
public final class SendPushRequest {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final EventLog events;
  private final TriageService triage;
  private final PatientService patients;
  private final TerritoryService territories;
  private final ProfessionalService professionals;
  private final Rings rings;
  private final PushViews views;
  private final PushStore store = new PushStore();

  SendPushRequest(Pool pool, Clock clock, AuditTrail audit, EventLog events, TriageService triage,
                  PatientService patients, TerritoryService territories, ProfessionalService professionals, Rings rings,
                  PushViews views) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
    this.triage = triage;
    this.patients = patients;
    this.territories = territories;
    this.professionals = professionals;
    this.rings = rings;
    this.views = views;
  }

  public Future<PushRequest> send(Caller caller, String key, PushBodies.NewPushRequest body) {
    if (!caller.hasAny(Role.OPERATOR, Role.ORIENTER, Role.COORDINATOR)) {
      throw new Forbidden("push requests are sent by the secretariat and orienting professionals");
    }
    if (body.note() != null && body.note().length() > 500) {
      throw new Invalid("note", "500 characters at most");
    }
    return triage.get(caller, body.triageId())
        .compose(a -> checkMt(body).map(a))
        .compose(a -> patientOf(caller, a).compose(p -> store.triageFacts(pool, a.id())
            .map(facts -> draft(caller, body, a, p, facts.orElseThrow()))))
        .compose(draft -> pool.withTransaction(tx -> idempotently(tx, caller, key, body, draft)))
        .compose(id -> views.full(pool, id));
  }

  private Future<Void> checkMt(PushBodies.NewPushRequest body) {
    if (body.mtProfessionalId() == null) {
      return Future.succeededFuture();
    }
    return professionals.findForService(body.mtProfessionalId()).compose(found -> found.isPresent()
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(new Invalid("mtProfessionalId", "no such professional in the directory")));
  }

  private Future<Patient> patientOf(Caller caller, Assessment a) {
    if (a.effectiveUrgency() == Urgency.VITAL) {
      return Future.failedFuture(PushFailure.notAllowed("a VITAL triage goes to the 15, never to a push request"));
    }
    Orientation o = a.effectiveOrientation();
    if (o == null || o.profession() == null || a.effectiveUrgency().within() == null) {
      return Future.failedFuture(PushFailure.notAllowed("this triage has no orientation to a profession"));
    }
    if (a.patientId() == null) {
      return Future.failedFuture(PushFailure.notAllowed("this triage names no patient"));
    }
    return patients.get(caller, a.patientId());
  }

  private PushRequest draft(Caller caller, PushBodies.NewPushRequest body, Assessment a, Patient p, Row facts) {
    TerritoryService.Place place = territories.place(p.communeInsee())
        .orElseThrow(() -> PushFailure.notAllowed("the patient's commune is in no territory"));
    if (!caller.covers(place.territoryId())) {
      throw new Forbidden("the patient lives outside your territories");
    }
    Instant now = clock.instant();
    Orientation o = a.effectiveOrientation();
    Duration within = o.within() != null ? o.within() : a.effectiveUrgency().within();
    String skill = o.skills() == null || o.skills().isEmpty() ? null : o.skills().get(0);
    String complaint = triage.vocabulary(caller).complaints().stream()
        .filter(c -> c.key().equals(facts.getString("complaint"))).map(c -> c.label()).findFirst()
        .orElse(facts.getString("complaint"));
    return new PushRequest(UUID.randomUUID(), PushStatus.OPEN, place.territoryId(), a.id(), body.callId(), p.id(),
        body.mtProfessionalId(), o.profession(), skill, a.effectiveUrgency().name(),
        fr.aiguillage.db.SqlTime.utc(now.plus(within)), p.communeInsee(), place.commune().name(),
        ageBand(facts.getNumeric("age").doubleValue()), facts.getString("sex"), complaint,
        body.note() == null ? "" : body.note().trim(), fr.aiguillage.db.SqlTime.utc(now), caller.accountId(), 0,
        null, null, null, null, List.of(), null);
  }

  private Future<UUID> idempotently(SqlClient tx, Caller caller, String key, PushBodies.NewPushRequest body,
                                    PushRequest draft) {
    if (key == null) {
      return create(tx, caller, draft, null, null);
    }
    byte[] hash = hash(body);
    return store.byKey(tx, caller.accountId(), key).compose(used -> {
      if (used.isEmpty()) {
        return create(tx, caller, draft, key, hash);
      }
      return MessageDigest.isEqual(used.get().hash(), hash) ? Future.succeededFuture(used.get().id())
          : Future.failedFuture(PushFailure.keyReused());
    });
  }

  private Future<UUID> create(SqlClient tx, Caller caller, PushRequest r, String key, byte[] hash) {
    Instant now = clock.instant();
    return store.insert(tx, r, key, hash)
        .compose(v -> events.append(tx, "push.sent", r.territoryId(), Map.of("requestId", r.id(),
            "sentBy", caller.accountId(), "urgency", r.urgency(), "profession", r.profession())))
        .compose(v -> rings.ask(tx, r, 0, now))
        .compose(ring -> audit.record(tx, AuditEvent.of(caller, "push.send", "push_request", r.id(), r.territoryId())
            .withDetail("patient " + r.patientId() + ", first ring " + ring)))
        .map(r.id());
  }

  /** Decade bands: "30-39"; "90+" from 90. */
  static String ageBand(double age) {
    int decade = (int) Math.floor(Math.max(0, age) / 10) * 10;
    return decade >= 90 ? "90+" : decade + "-" + (decade + 9);
  }

  private static byte[] hash(Object body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Json.text(body).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
