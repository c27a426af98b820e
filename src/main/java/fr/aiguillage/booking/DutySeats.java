package fr.aiguillage.booking;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.failure.Invalid;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Booking on a duty of the rota, inside the booking's own transaction: {@link #take} makes the patient's slot at the
 * chosen time (booked, marked with the duty's place); {@link #seat}, called last, takes one of the duty's places (the
 * database refuses one past capacity). Taking the place last keeps its row locked only for the end of the
 * transaction, so concurrent bookings of one duty queue briefly. The rota implements it.
 */
public interface DutySeats {

  DutySeats NONE = new DutySeats() {
    @Override
    public Future<Slot> take(SqlClient tx, UUID placeId, OffsetDateTime start, Instant now) {
      return Future.failedFuture(new Invalid("dutyPlaceId", "duty booking is not available"));
    }

    @Override
    public Future<Void> seat(SqlClient tx, UUID placeId, UUID professionalId) {
      return Future.failedFuture(new Invalid("dutyPlaceId", "duty booking is not available"));
    }
  };

  /** {@code start}: a time inside the band, or null for the next free step of the band. */
  Future<Slot> take(SqlClient tx, UUID placeId, OffsetDateTime start, Instant now);

  /** Takes one place of the duty, still held by {@code professionalId}; fails with a conflict when none is left. */
  Future<Void> seat(SqlClient tx, UUID placeId, UUID professionalId);
}
