package fr.aiguillage.booking;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.failure.Invalid;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Takes a seat on a duty of the rota inside the booking's own transaction and hands back the slot made for the
 * patient at the chosen time (booked, marked with the duty's place). The rota implements it; a service without a
 * rota refuses duty bookings.
 */
public interface DutySeats {

  DutySeats NONE = (tx, placeId, start, now) -> Future.failedFuture(
      new Invalid("dutyPlaceId", "duty booking is not available"));

  /** {@code start}: a time inside the band, or null for the next free step of the band. */
  Future<Slot> take(SqlClient tx, UUID placeId, OffsetDateTime start, Instant now);
}
