package fr.aiguillage.waitlist.model;

import fr.aiguillage.patient.model.NewPatient;

import java.util.UUID;

/** What {@code POST /api/v1/waitlist} asks for: a known patient or one to register, the source, notes. */
public record ReportRequest(UUID patientId, NewPatient patient, Source source, String notes) {
}
