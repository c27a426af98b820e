package fr.aiguillage.booking;

import fr.aiguillage.agenda.SlotClaims;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotStatus;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.AppointmentStatus;
import fr.aiguillage.booking.model.Booked;
import fr.aiguillage.booking.model.MoveRequest;
import fr.aiguillage.booking.model.SlotBooked;
import fr.aiguillage.booking.model.SlotFreed;
import fr.aiguillage.booking.store.AppointmentStore;
import fr.aiguillage.booking.store.IdempotencyStore;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.json.Json;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Moves an appointment to another slot in one transaction, with a booking's guarantees: reserve the idempotency
 * key, lock the appointment, take the new slot with the same conditional UPDATE as a booking (SLOT_TAKEN if someone
 * was faster: everything rolls back and the old appointment is untouched), cancel the old appointment and free its
 * slot, insert the new appointment naming the old one, announce {@code slot.booked} and {@code slot.freed}, audit
 * both, and write the messages (the patient's "moved", the professional's CANCEL and REQUEST).
 */
public final class MoveAppointment {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final EventLog events;
  private final SlotClaims claims;
  private final ProfessionalService professionals;
  private final AppointmentNotices notices;
  private final AppointmentStore appointments = new AppointmentStore();
  private final IdempotencyStore keys = new IdempotencyStore();

  public MoveAppointment(Pool pool, Clock clock, AuditTrail audit, EventLog events, SlotClaims claims,
                         ProfessionalService professionals, AppointmentNotices notices) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
    this.claims = claims;
    this.professionals = professionals;
    this.notices = notices;
  }

  /** The new appointment (as JSON, kept for a retry with the same key). */
  public Future<Booked> move(Caller caller, UUID appointmentId, String idempotencyKey, MoveRequest request) {
    if (!caller.hasAny(Role.OPERATOR, Role.COORDINATOR, Role.ORIENTER, Role.PROFESSIONAL)) {
      return Future.failedFuture(new Forbidden("moving is for the secretariat and orienting professionals"));
    }
    return pool.withTransaction(tx -> idempotently(tx, caller, appointmentId, idempotencyKey, request));
  }

  private Future<Booked> idempotently(SqlClient tx, Caller caller, UUID id, String key, MoveRequest request) {
    Instant now = clock.instant();
    if (key == null) {
      return moveIn(tx, caller, id, request, now).map(json -> new Booked(json, false));
    }
    byte[] hash = BookSlot.hash(new Keyed(id, request));
    return keys.reserve(tx, caller.accountId(), key, hash, now).compose(used -> {
      if (used.isEmpty()) {
        return moveIn(tx, caller, id, request, now)
            .compose(json -> keys.answer(tx, caller.accountId(), key, 200, json).map(new Booked(json, false)));
      }
      if (!used.get().sameRequest(hash)) {
        return Future.failedFuture(new BookSlot.KeyReused());
      }
      return Future.succeededFuture(new Booked(used.get().responseJson(), true));
    });
  }

  /** What the key's hash covers: the appointment and the request. */
  record Keyed(UUID appointmentId, MoveRequest request) {
  }

  private Future<String> moveIn(SqlClient tx, Caller caller, UUID id, MoveRequest request, Instant now) {
    return lockBooked(tx, caller, id).compose(old -> {
      if (old.slot().id().equals(request.slotId())) {
        return Future.failedFuture(new Invalid("slotId", "is already this appointment's slot"));
      }
      return claims.claim(tx, request.slotId(), now)
          .compose(slot -> territoryOf(tx, caller, slot)
              .compose(territory -> cancelOld(tx, caller, old, request.reason(), now)
                  .compose(cancelled -> insertNew(tx, caller, cancelled, slot, territory, now)
                      .compose(moved -> notices.moved(tx, cancelled, moved, now).map(moved)))));
    }).map(Json::text);
  }

  private Future<Appointment> lockBooked(SqlClient tx, Caller caller, UUID id) {
    return appointments.findById(tx, id, true)
        .map(found -> AppointmentService.requireVisible(caller,
            found.orElseThrow(() -> new NotFound("appointment " + id))))
        .compose(a -> a.status() == AppointmentStatus.BOOKED ? Future.succeededFuture(a)
            : Future.failedFuture(new Conflict("APPOINTMENT_NOT_BOOKED", "appointment is " + a.status().wire())));
  }

  private Future<String> territoryOf(SqlClient tx, Caller caller, Slot slot) {
    return professionals.territoryOfSite(tx, slot.siteId()).map(found -> {
      String territory = found.orElseThrow();
      if (!caller.covers(territory) && !ownSlot(caller, slot)) {
        throw new Forbidden("this slot lies outside your territories");
      }
      return territory;
    });
  }

  private static boolean ownSlot(Caller caller, Slot slot) {
    return caller.has(Role.PROFESSIONAL) && slot.professionalId().equals(caller.account().professionalId());
  }

  private Future<Appointment> cancelOld(SqlClient tx, Caller caller, Appointment old, String reason, Instant now) {
    String why = "déplacé" + (reason == null || reason.isBlank() ? "" : " : " + reason.strip());
    return appointments.changeStatus(tx, old.id(), AppointmentStatus.CANCELLED, why, now)
        .compose(cancelled -> claims.release(tx, old.slot().id(), now)
            .compose(slot -> slot.status() != SlotStatus.FREE ? Future.<Void>succeededFuture()
                : events.append(tx, SlotFreed.TYPE, old.territoryId(), new SlotFreed(slot.id(), old.id(),
                    old.professionalId(), old.territoryId(), slot.start(), now)).mapEmpty())
            .compose(v -> audit.record(tx, AppointmentService.event(caller, "appointment.move.from", cancelled)))
            .map(cancelled));
  }

  private Future<Appointment> insertNew(SqlClient tx, Caller caller, Appointment old, Slot slot, String territory,
                                        Instant now) {
    Appointment moved = new Appointment(UUID.randomUUID(), AppointmentStatus.BOOKED,
        new Appointment.BookedSlot(slot.id(), slot.siteId(), slot.kind().name(), slot.start(), slot.end()),
        slot.professionalId(), old.patientId(), old.reason(), old.callId(), old.triageId(), caller.accountId(), null,
        territory, 0, OffsetDateTime.ofInstant(now, fr.aiguillage.db.SqlTime.PARIS), old.origin());
    return appointments.insert(tx, moved, now)
        .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? new Conflict("SLOT_TAKEN", "slot " + slot.id() + " has just been booked") : e))
        .compose(v -> appointments.markMovedFrom(tx, moved.id(), old.id()))
        .compose(v -> events.append(tx, SlotBooked.TYPE, territory,
            new SlotBooked(slot.id(), moved.id(), moved.professionalId(), territory, slot.start(), now)))
        .compose(v -> audit.record(tx, AppointmentService.event(caller, "appointment.move.to", moved)))
        .map(moved);
  }
}
