package fr.aiguillage.rota;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.agenda.model.SlotSource;
import fr.aiguillage.agenda.model.SlotStatus;
import fr.aiguillage.booking.DutySeats;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.rota.store.DutyStore;
import fr.aiguillage.rota.store.DutyStore.Duty;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlClient;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A place on a published duty, inside the booking's transaction: first the patient's slot at the time asked (inside
 * the band, not past) or at the next free step from now + the booking lead, read without a lock (a full duty is
 * refused at once); last, the place itself (one UPDATE of the place's counter, still held by the same professional;
 * its CHECK refuses a place past capacity, so no number of concurrent bookings gets through). Any refusal rolls
 * everything back. Two bookings racing for the same duty may be given the same step (the time is read unlocked).
 */
public final class DutyBooking implements DutySeats {

  private final Duration lead;
  private final DutyStore store = new DutyStore();

  public DutyBooking(Duration lead) {
    this.lead = lead;
  }

  @Override
  public Future<Slot> take(SqlClient tx, UUID placeId, OffsetDateTime start, Instant now) {
    return store.duty(tx, placeId).compose(found -> found.isPresent() ? slotOn(tx, found.get(), start, now)
        : store.placeExists(tx, placeId).compose(exists -> Future.failedFuture(exists
            ? new Conflict("DUTY_NOT_HELD", "nobody holds this duty") : new NotFound("rota place " + placeId))));
  }

  @Override
  public Future<Void> seat(SqlClient tx, UUID placeId, UUID professionalId) {
    return store.takeSeat(tx, placeId, professionalId).recover(DutyBooking::full).compose(taken -> taken
        ? Future.succeededFuture()
        : Future.failedFuture(new Conflict("DUTY_NOT_HELD", "this duty has just changed hands; search again")));
  }

  private Future<Slot> slotOn(SqlClient tx, Duty duty, OffsetDateTime asked, Instant now) {
    if (duty.booked() >= duty.capacity()) {
      return Future.failedFuture(new Conflict("DUTY_FULL", "every place of this duty is booked"));
    }
    if (!"PUBLISHED".equals(duty.monthStatus())) {
      return Future.failedFuture(new Conflict("DUTY_NOT_PUBLISHED", "the rota of this month is not published"));
    }
    if (!duty.end().isAfter(now)) {
      return Future.failedFuture(new Conflict("DUTY_OVER", "this duty is over"));
    }
    if (duty.siteId() == null) {
      return Future.failedFuture(new Conflict("DUTY_WITHOUT_SITE",
          "the professional on duty has no site in the sector's territory"));
    }
    Instant time;
    if (asked != null) {
      time = asked.toInstant();
      if (time.isBefore(duty.start()) || !time.isBefore(duty.end())) {
        return Future.failedFuture(new Invalid("start", "a time inside the band, from "
            + SqlTime.paris(SqlTime.utc(duty.start())) + " to before " + SqlTime.paris(SqlTime.utc(duty.end()))));
      }
      if (time.isBefore(now)) {
        return Future.failedFuture(new Conflict("DUTY_TIME_PAST", "this time has passed; take the next step"));
      }
    } else {
      var next = DutySteps.next(duty.start(), duty.end(), duty.stepMinutes(), duty.taken(), now.plus(lead));
      if (next.isEmpty()) {
        return Future.failedFuture(new Conflict("DUTY_OVER", "no step of this duty is left; give a start time"));
      }
      time = next.get();
    }
    OffsetDateTime from = SqlTime.paris(SqlTime.utc(time));
    OffsetDateTime to = SqlTime.paris(SqlTime.utc(DutySteps.endOf(time, duty.end(), duty.stepMinutes())));
    UUID id = UUID.randomUUID();
    return store.insertSlot(tx, id, duty, from, to, now).map(new Slot(id, duty.professionalId(), duty.siteId(),
        SlotKind.SNP, SlotStatus.BOOKED, from, to, SlotSource.MANUAL, null));
  }

  private static Future<Boolean> full(Throwable e) {
    if (e instanceof PgException pg && "23514".equals(pg.getSqlState())) {
      return Future.failedFuture(new Conflict("DUTY_FULL", "every place of this duty is booked"));
    }
    return Future.failedFuture(e);
  }
}
