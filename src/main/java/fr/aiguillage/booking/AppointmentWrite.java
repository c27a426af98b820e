package fr.aiguillage.booking;

import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.SlotBooked;
import fr.aiguillage.booking.store.AppointmentStore;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;

/**
 * What every booking writes once its slot is claimed, in the booking's transaction: the appointment (one live per
 * slot: a second is 409 SLOT_TAKEN by the unique index), {@code slot.booked} logged and announced, the audit line,
 * the patient's and professional's notices in the outbox. Shared by {@link BookSlot} and {@link BookForRequest}.
 */
final class AppointmentWrite {

  private final AuditTrail audit;
  private final EventLog events;
  private final AppointmentNotices notices;
  private final AppointmentStore appointments = new AppointmentStore();

  AppointmentWrite(AuditTrail audit, EventLog events, AppointmentNotices notices) {
    this.audit = audit;
    this.events = events;
    this.notices = notices;
  }

  Future<Appointment> write(SqlClient tx, Appointment a, AuditEvent audited, Instant now) {
    Appointment.BookedSlot slot = a.slot();
    return appointments.insert(tx, a, now)
        .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? new Conflict("SLOT_TAKEN", "slot " + slot.id() + " has just been booked") : e))
        .compose(v -> events.append(tx, SlotBooked.TYPE, a.territoryId(),
            new SlotBooked(slot.id(), a.id(), a.professionalId(), a.territoryId(), slot.start(), now)))
        .compose(v -> audit.record(tx, audited))
        .compose(v -> notices.booked(tx, a, now))
        .map(a);
  }
}
