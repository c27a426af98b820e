package fr.aiguillage.booking;

import fr.aiguillage.agenda.SlotClaims;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.AppointmentStatus;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import io.vertx.core.Future;
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

  private final SlotClaims claims;
  private final AppointmentWrite write;

  public BookForRequest(AuditTrail audit, EventLog events, SlotClaims claims, AppointmentNotices notices) {
    this.claims = claims;
    this.write = new AppointmentWrite(audit, events, notices);
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
    return write.write(tx, a, new AuditEvent(null, null, actor.accountId(), "appointment.book", "appointment",
        a.id().toString(), b.territoryId(), actor.clientIp(), AuditEvent.Outcome.SUCCESS, actor.detail()), now);
  }
}
