package fr.aiguillage.booking;

import fr.aiguillage.booking.model.Appointment;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;

/**
 * What booking tells, inside its own transaction, to whoever sends messages about appointments (the
 * notification outbox): the messages are written if and only if the booking or cancellation commits.
 */
public interface AppointmentNotices {

  /** Nothing is told (a service without notifications). */
  AppointmentNotices NONE = new AppointmentNotices() {
    @Override
    public Future<Void> booked(SqlClient tx, Appointment appointment, Instant now) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> cancelled(SqlClient tx, Appointment appointment, Instant now) {
      return Future.succeededFuture();
    }
  };

  Future<Void> booked(SqlClient tx, Appointment appointment, Instant now);

  Future<Void> cancelled(SqlClient tx, Appointment appointment, Instant now);

  /** {@code from} was cancelled and {@code to} booked in its place (a move); by default, told as both. */
  default Future<Void> moved(SqlClient tx, Appointment from, Appointment to, Instant now) {
    return cancelled(tx, from, now).compose(v -> booked(tx, to, now));
  }
}
