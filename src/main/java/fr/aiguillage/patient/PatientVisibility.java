package fr.aiguillage.patient;

import io.vertx.core.Future;

import java.util.UUID;

/**
 * What the patient rules need to know of appointments, in this module's words (the booking module
 * answers): a professional sees a patient they have an appointment with; an orienter one they booked.
 */
public interface PatientVisibility {

  Future<Boolean> hasAppointmentWith(UUID patientId, UUID professionalId);

  Future<Boolean> bookedBy(UUID patientId, UUID accountId);
}
