package fr.aiguillage.booking;

import java.util.Optional;
import java.util.Set;
import fr.aiguillage.agenda.SlotClaims;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.AppointmentQuery;
import fr.aiguillage.booking.model.AppointmentStatus;
import fr.aiguillage.booking.model.SlotFreed;
import fr.aiguillage.booking.store.AppointmentStore;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Cancelling, recording outcomes and listing appointments; booking itself is {@link BookSlot}.
 * Operators and coordinators act in their territories, a professional on their own appointments, an
 * orienter on those they booked.
 */
public final class AppointmentService {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final EventLog events;
  private final SlotClaims claims;
  private final AppointmentNotices notices;
  private final AppointmentStore store = new AppointmentStore();

  public AppointmentService(Pool pool, Clock clock, AuditTrail audit, EventLog events, SlotClaims claims) {
    this(pool, clock, audit, events, claims, AppointmentNotices.NONE);
  }

  public AppointmentService(Pool pool, Clock clock, AuditTrail audit, EventLog events, SlotClaims claims,
                            AppointmentNotices notices) {
    this.notices = notices;
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
    this.claims = claims;
  }

  public Future<Appointment> cancel(Caller caller, UUID id, String reason) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> lockOwn(tx, caller, id)
        .compose(a -> cancelIn(tx, a, reason, now, c -> event(caller, "appointment.cancel", c))));
  }

  /**
   * The patient cancels through the link they were sent (its signature checked by the caller): no account,
   * the link is the key. Fails with APPOINTMENT_NOT_BOOKED once cancelled, so a link works once.
   */
  public Future<Appointment> cancelByPatient(UUID id, String reason) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> store.findById(tx, id, true)
        .map(found -> found.orElseThrow(() -> new NotFound("appointment " + id)))
        .compose(a -> cancelIn(tx, a, reason, now, c -> new AuditEvent(null, null, null,
            "appointment.cancel.patient-link", "appointment", c.id().toString(), c.territoryId(), null,
            AuditEvent.Outcome.SUCCESS, null))));
  }

  /** For messages about a move, with no caller: the appointment a moved one replaced, if any. */
  public Future<Optional<Appointment>> replacedBy(UUID movedId) {
    return store.movedFrom(pool, movedId);
  }

  /** An appointment for messages about it, with no caller (the notification dispatcher). */
  public Future<java.util.Optional<Appointment>> forNotice(UUID id) {
    return store.findById(pool, id, false);
  }

  private Future<Appointment> cancelIn(SqlClient tx, Appointment a, String reason, Instant now,
                                       java.util.function.Function<Appointment, AuditEvent> audited) {
    if (a.status() != AppointmentStatus.BOOKED) {
      return Future.failedFuture(new Conflict("APPOINTMENT_NOT_BOOKED", "appointment is " + a.status().wire()));
    }
    return store.changeStatus(tx, a.id(), AppointmentStatus.CANCELLED, reason, now)
        .compose(cancelled -> claims.release(tx, a.slot().id(), now)
            .compose(slot -> announceIfFreed(tx, cancelled, slot, now))
            .compose(v -> audit.record(tx, audited.apply(cancelled)))
            .compose(v -> notices.cancelled(tx, cancelled, now))
            .map(cancelled));
  }

  public Future<Appointment> recordOutcome(Caller caller, UUID id, AppointmentStatus outcome) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> lockOwn(tx, caller, id).compose(a -> {
      if (a.status() != AppointmentStatus.BOOKED && a.status() != AppointmentStatus.HONOURED
          && a.status() != AppointmentStatus.NO_SHOW) {
        return Future.failedFuture(new Conflict("APPOINTMENT_NOT_BOOKED", "appointment is " + a.status().wire()));
      }
      if (a.slot().start().toInstant().isAfter(now)) {
        return Future.failedFuture(new Conflict("APPOINTMENT_NOT_STARTED",
            "the outcome is recorded after the start time"));
      }
      return store.changeStatus(tx, id, outcome, null, now)
          .compose(changed -> audit.record(tx, event(caller, "appointment.outcome", changed)).map(changed));
    }));
  }

  public Future<Appointment> get(Caller caller, UUID id) {
    return store.findById(pool, id, false)
        .map(found -> found.orElseThrow(() -> new NotFound("appointment " + id)))
        .map(a -> requireVisible(caller, a))
        .compose(a -> audit.record(event(caller, "appointment.read", a)).map(a));
  }

  public Future<List<Appointment>> find(Caller caller, AppointmentQuery query) {
    if (!caller.hasAny(Role.OPERATOR, Role.COORDINATOR, Role.PROFESSIONAL, Role.ORIENTER)) {
      return Future.failedFuture(new Forbidden("appointments are for the secretariat and the professionals"));
    }
    AppointmentQuery scoped = new AppointmentQuery(query.professionalId(), query.patientId(), query.from(),
        query.to(), query.status(),
        caller.hasAny(Role.OPERATOR, Role.COORDINATOR) ? caller.account().territories() : List.of(),
        caller.has(Role.PROFESSIONAL) ? caller.account().professionalId() : null,
        caller.has(Role.ORIENTER) ? caller.accountId() : null, query.limit());
    return store.find(pool, scoped).compose(found -> audit.record(AuditEvent.of(caller, "appointment.list",
        "appointment", null, null)).map(found));
  }

  /** For the calendar feed (authorised by its token, not by a caller). */
  public Future<List<Appointment>> ofProfessional(UUID professionalId, Instant from, Instant to) {
    return store.ofProfessional(pool, professionalId, from, to);
  }

  public Future<String> fingerprint(UUID professionalId, Instant from, Instant to) {
    return store.fingerprint(pool, professionalId, from, to);
  }

  private Future<Appointment> lockOwn(SqlClient tx, Caller caller, UUID id) {
    return store.findById(tx, id, true)
        .map(found -> found.orElseThrow(() -> new NotFound("appointment " + id)))
        .map(a -> requireVisible(caller, a));
  }

  static Appointment requireVisible(Caller caller, Appointment a) {
    boolean territory = caller.hasAny(Role.OPERATOR, Role.COORDINATOR) && caller.covers(a.territoryId())
        && !caller.has(Role.ADMIN);
    boolean own = caller.has(Role.PROFESSIONAL) && Objects.equals(caller.account().professionalId(),
        a.professionalId());
    boolean booked = caller.has(Role.ORIENTER) && Objects.equals(caller.accountId(), a.bookedBy());
    if (territory || own || booked) {
      return a;
    }
    throw new Forbidden("you may not see this appointment");
  }

  private Future<Void> announceIfFreed(SqlClient tx, Appointment a, Slot slot, Instant now) {
    if (slot.status() != fr.aiguillage.agenda.model.SlotStatus.FREE) {
      return Future.succeededFuture();
    }
    return events.append(tx, SlotFreed.TYPE, a.territoryId(),
        new SlotFreed(slot.id(), a.id(), a.professionalId(), a.territoryId(), slot.start(), now)).mapEmpty();
  }

  static AuditEvent event(Caller caller, String action, Appointment a) {
    return AuditEvent.of(caller, action, "appointment", a.id(), a.territoryId());
  }

  /** The territory the appointment was booked in; empty if unknown. */
  public Future<Optional<Set<String>>> territoriesOf(UUID id) {
    return store.territoriesOf(pool, id);
  }
}
