package fr.aiguillage.booking.model;

import fr.aiguillage.patient.model.NewPatient;
import fr.aiguillage.patient.model.NotificationChoice;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What {@code POST /api/v1/appointments} asks for: a known patient, or one to register on the way, and
 * optionally how that patient wants to be told (channel, e-mail, consent), recorded on the patient. {@code origin}
 * is where the booking came from when another platform sent the user (the SAS platform's {@code origin=}
 * parameter); absent for the secretariat's own bookings. A booking on a duty of the rota gives {@code dutyPlaceId}
 * (and optionally {@code start}, a time inside the band; the next free step otherwise) instead of {@code slotId}.
 */
public record BookingRequest(UUID slotId, UUID patientId, NewPatient patient, String reason, UUID callId,
                             UUID triageId, NotificationChoice notification, String origin, UUID dutyPlaceId,
                             OffsetDateTime start) {
}
