package fr.aiguillage.triage.model;

import java.util.List;

/** What the rules concluded, and which rule (or safety rule) decided it. */
public record TriageResult(Urgency urgency, Orientation orientation, List<RedFlag> redFlags, boolean outOfHours,
                           String advice, String rulesVersion, String decidedBy) {
}
