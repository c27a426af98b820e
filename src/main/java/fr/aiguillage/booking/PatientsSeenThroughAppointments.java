package fr.aiguillage.booking;

import fr.aiguillage.booking.store.AppointmentStore;
import fr.aiguillage.patient.PatientVisibility;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.UUID;

/** Answers the patient module's visibility questions from appointments. */
public final class PatientsSeenThroughAppointments implements PatientVisibility {

  private final Pool pool;
  private final AppointmentStore store = new AppointmentStore();

  public PatientsSeenThroughAppointments(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Boolean> hasAppointmentWith(UUID patientId, UUID professionalId) {
    return store.exists(pool, patientId, "professional_id", professionalId);
  }

  @Override
  public Future<Boolean> bookedBy(UUID patientId, UUID accountId) {
    return store.exists(pool, patientId, "booked_by", accountId);
  }
}
