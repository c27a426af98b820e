package fr.aiguillage.booking;

import java.util.Set;
import fr.aiguillage.booking.store.AppointmentStore;
import fr.aiguillage.patient.PatientVisibility;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.util.UUID;

/** Answers the patient module's visibility questions from appointments. */
public final class PatientsSeenThroughAppointments implements PatientVisibility {

  private final AppointmentStore store = new AppointmentStore();

  @Override
  public Future<Boolean> hasAppointmentWith(SqlClient db, UUID patientId, UUID professionalId) {
    return store.existsWithProfessional(db, patientId, professionalId);
  }

  @Override
  public Future<Boolean> bookedBy(SqlClient db, UUID patientId, UUID accountId) {
    return store.existsBookedBy(db, patientId, accountId);
  }

  @Override
  public Future<Set<String>> appointmentTerritories(SqlClient db, UUID patientId) {
    return store.territoriesOfPatient(db, patientId).map(found -> found.orElse(Set.of()));
  }
}
