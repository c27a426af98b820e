package fr.aiguillage.triage.model;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A structured questionnaire: age in years (0.2 ≈ ten weeks), sex F/M, complaint, red flags, answers. */
public record TriageRequest(UUID callId, UUID patientId, Double age, String sex, Complaint complaint,
                            List<RedFlag> redFlags, Map<String, Object> answers) {
}
