package fr.aiguillage.booking;

import fr.aiguillage.agenda.SlotClaims;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.AppointmentStatus;
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
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Books a patient into a slot inside another module's transaction (a push request's acceptance, issue 23), with the
 * guarantees of {@link BookSlot}: the slot taken by one conditional UPDATE, one live appointment per slot (unique
 * index), {@code slot.booked} logged and announced, audited, the patient and professional told through the outbox.
 */
public final class BookForRequest {

  /** What to book: the appointment id is chosen by the caller (its request names it before it exists). */
  public record Booking(UUID appointmentId, UUID slotId, UUID patientId, String reason, UUID callId, UUID triageId,
                        UUID bookedBy, String territoryId, String origin) {
  }

  private final AuditTrail audit;
  private final EventLog events;
  private final SlotClaims claims;
  private final AppointmentNotices notices;
  private final AppointmentStore appointments = new AppointmentStore();

  public BookForRequest(AuditTrail audit, EventLog events, SlotClaims claims, AppointmentNotices notices) {
    this.audit = audit;
    this.events = events;
    this.claims = claims;
    this.notices = notices;
  }

  /** {@code actor} is the audit line's author (the accepting professional's account, or the link's sender). */
  public Future<Appointment> book(SqlClient tx, Booking b, AuditEvent actor, Instant now) {
    return claims.claim(tx, b.slotId(), now).compose(slot -> insert(tx, b, slot, actor, now));
  }

  private Future<Appointment> insert(SqlClient tx, Booking b, Slot slot, AuditEvent actor, Instant now) {
    Appointment a = new Appointment(b.appointmentId(), AppointmentStatus.BOOKED,
        new Appointment.BookedSlot(slot.id(), slot.siteId(), slot.kind().name(), slot.start(), slot.end()),
        slot.professionalId(), b.patientId(), b.reason(), b.callId(), b.triageId(), b.bookedBy(), null,
        b.territoryId(), 0, OffsetDateTime.ofInstant(now, fr.aiguillage.db.SqlTime.PARIS), b.origin());
    return appointments.insert(tx, a, now)
        .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? new Conflict("SLOT_TAKEN", "slot " + slot.id() + " has just been booked") : e))
        .compose(v -> events.append(tx, SlotBooked.TYPE, b.territoryId(),
            new SlotBooked(slot.id(), a.id(), a.professionalId(), b.territoryId(), slot.start(), now)))
        .compose(v -> audit.record(tx, new AuditEvent(null, null, actor.accountId(), "appointment.book",
            "appointment", a.id().toString(), b.territoryId(), actor.clientIp(), AuditEvent.Outcome.SUCCESS,
            actor.detail())))
        .compose(v -> notices.booked(tx, a, now))
        .map(a);
  }
}
