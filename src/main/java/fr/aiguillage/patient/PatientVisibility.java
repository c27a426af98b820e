package fr.aiguillage.patient;

import java.util.Set;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.util.UUID;

/**
 * What the patient rules need to know of appointments, in this module's words (the booking module
 * answers): a professional sees a patient they have an appointment with; an orienter one they booked.
 * Questions run on the caller's connection (inside its transaction, if any).
 */
public interface PatientVisibility {

  Future<Boolean> hasAppointmentWith(SqlClient db, UUID patientId, UUID professionalId);

  Future<Boolean> bookedBy(SqlClient db, UUID patientId, UUID accountId);

  /** The territories where this patient has appointments. */
  Future<Set<String>> appointmentTerritories(SqlClient db, UUID patientId);
}
