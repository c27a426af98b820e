package fr.aiguillage.booking;

import fr.aiguillage.agenda.SlotClaims;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.AppointmentStatus;
import fr.aiguillage.booking.model.Booked;
import fr.aiguillage.booking.model.BookingRequest;
import fr.aiguillage.booking.store.IdempotencyStore;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.triage.TriageService;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.DomainFailure;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.json.Json;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.Patient;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Books a patient into a slot, all in one transaction: reserve the idempotency key, register or check the
 * patient, take the slot with one conditional UPDATE, insert the appointment (unique per live slot), log
 * and announce {@code slot.booked}, audit, and keep the answer for retries.
 */
public final class BookSlot {

  private static final ZoneId PARIS = fr.aiguillage.db.SqlTime.PARIS;

  private final Pool pool;
  private final Clock clock;
  private final SlotClaims claims;
  private final PatientService patients;
  private final ProfessionalService professionals;
  private final TriageService triage;
  private final AppointmentWrite write;
  private final BookingMeter meter;
  private volatile DutySeats duties = DutySeats.NONE;
  private final IdempotencyStore keys = new IdempotencyStore();

  public BookSlot(Pool pool, Clock clock, AuditTrail audit, EventLog events, SlotClaims claims,
                  PatientService patients, ProfessionalService professionals, TriageService triage) {
    this(pool, clock, audit, events, claims, patients, professionals, triage, AppointmentNotices.NONE);
  }

  public BookSlot(Pool pool, Clock clock, AuditTrail audit, EventLog events, SlotClaims claims,
                  PatientService patients, ProfessionalService professionals, TriageService triage,
                  AppointmentNotices notices) {
    this(pool, clock, audit, events, claims, patients, professionals, triage, notices, BookingMeter.NONE);
  }

  public BookSlot(Pool pool, Clock clock, AuditTrail audit, EventLog events, SlotClaims claims,
                  PatientService patients, ProfessionalService professionals, TriageService triage,
                  AppointmentNotices notices, BookingMeter meter) {
    this.meter = meter;
    this.write = new AppointmentWrite(audit, events, notices);
    this.triage = triage;
    this.pool = pool;
    this.clock = clock;
    this.claims = claims;
    this.patients = patients;
    this.professionals = professionals;
  }

  /** Lets bookings take seats on the rota's duties (wired once the rota is built). */
  public void takeDutiesFrom(DutySeats seats) {
    this.duties = seats;
  }

  public Future<Booked> book(Caller caller, String idempotencyKey, BookingRequest request) {
    requireRole(caller);
    checkShape(request);
    // Everything runs on the transaction's one connection: a transaction that waited on the pool for a
    // second connection could starve the pool under load.
    return pool.withTransaction(tx -> idempotently(tx, caller, idempotencyKey, request)).andThen(this::count);
  }

  /** After the transaction's end: a commit is a booking, a refused slot a conflict. */
  private void count(AsyncResult<Booked> outcome) {
    if (outcome.succeeded() && !outcome.result().replayed()) {
      meter.booked();
    } else if (outcome.failed() && outcome.cause() instanceof Conflict conflict) {
      meter.conflicted(conflict.code());
    }
  }

  private Future<Booked> idempotently(SqlClient tx, Caller caller, String key, BookingRequest request) {
    Instant now = clock.instant();
    if (key == null) {
      return bookIn(tx, caller, request, now).map(json -> new Booked(json, false));
    }
    byte[] hash = hash(request);
    return keys.reserve(tx, caller.accountId(), key, hash, now).compose(used -> {
      if (used.isEmpty()) {
        return bookIn(tx, caller, request, now)
            .compose(json -> keys.answer(tx, caller.accountId(), key, 201, json).map(new Booked(json, false)));
      }
      if (!used.get().sameRequest(hash)) {
        return Future.failedFuture(new KeyReused());
      }
      return Future.succeededFuture(new Booked(used.get().responseJson(), true));
    });
  }

  private Future<String> bookIn(SqlClient tx, Caller caller, BookingRequest request, Instant now) {
    Future<UUID> patientId = request.patientId() != null
        ? patients.visibleIn(tx, caller, request.patientId()).map(Patient::id)
        : patients.createIn(tx, caller, request.patient(), "patient.").map(Patient::id);
    Future<UUID> told = request.notification() == null ? patientId : patientId.compose(id -> patients
        .chooseNotificationsIn(tx, caller, id, request.notification()).map(Patient::id));
    return triage.requireBookable(tx, request.triageId()).compose(v -> told)
        .compose(patient -> claim(tx, request, now)
            .compose(slot -> territoryOf(tx, caller, slot)
                .compose(territory -> insert(tx, caller, request, patient, slot, territory, now))
                .compose(a -> request.dutyPlaceId() == null ? Future.succeededFuture(a)
                    : duties.seat(tx, request.dutyPlaceId(), a.professionalId()).map(a))))
        .map(Json::text);
  }

  /** A free slot, or a seat on a duty (a slot made for the patient inside the band). */
  private Future<Slot> claim(SqlClient tx, BookingRequest request, Instant now) {
    return request.dutyPlaceId() != null ? duties.take(tx, request.dutyPlaceId(), request.start(), now)
        : claims.claim(tx, request.slotId(), now);
  }

  /** The territory of the slot's site, which must be one of the caller's. */
  private Future<String> territoryOf(SqlClient tx, Caller caller, Slot slot) {
    return professionals.territoryOfSite(tx, slot.siteId()).map(found -> {
      String territory = found.orElseThrow();
      if (!caller.covers(territory)) {
        throw new Forbidden("this slot lies outside your territories");
      }
      return territory;
    });
  }

  private Future<Appointment> insert(SqlClient tx, Caller caller, BookingRequest r, UUID patientId, Slot slot,
                                     String territory, Instant now) {
    Appointment a = new Appointment(UUID.randomUUID(), AppointmentStatus.BOOKED,
        new Appointment.BookedSlot(slot.id(), slot.siteId(), slot.kind().name(), slot.start(), slot.end()),
        slot.professionalId(), patientId, r.reason().trim(), r.callId(), r.triageId(), caller.accountId(), null,
        territory, 0, OffsetDateTime.ofInstant(now, PARIS), r.origin());
    return write.write(tx, a, AppointmentService.event(caller, "appointment.book", a), now);
  }

  private static void requireRole(Caller caller) {
    if (!caller.hasAny(Role.OPERATOR, Role.COORDINATOR, Role.ORIENTER, Role.PROFESSIONAL)) {
      throw new Forbidden("booking is for the secretariat and orienting professionals");
    }
  }

  private static void checkShape(BookingRequest r) {
    if ((r.patientId() == null) == (r.patient() == null)) {
      throw new Invalid("patientId", "give either patientId or patient, not both and not neither");
    }
    if ((r.slotId() == null) == (r.dutyPlaceId() == null)) {
      throw new Invalid("slotId", "give either slotId or dutyPlaceId, not both and not neither");
    }
    if (r.start() != null && r.dutyPlaceId() == null) {
      throw new Invalid("start", "a start time is chosen only on a duty (dutyPlaceId)");
    }
  }

  /** The same key with the same body replays; a key reused for another body is refused. */
  static byte[] hash(Object request) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Json.text(request).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 422: an idempotency key sent again with a different request. */
  static final class KeyReused extends DomainFailure {
    KeyReused() {
      super(422, "IDEMPOTENCY_KEY_REUSED", "Clé d'idempotence déjà utilisée",
          "this Idempotency-Key was already used with a different request");
    }
  }
}
