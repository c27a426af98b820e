package fr.aiguillage.triage.model;

import java.util.List;

/**
 * What the rules concluded; the rule that decided it ({@code ruleId}, with {@code decidedBy} its older form
 * {@code rule:<id>} / {@code safety:...} / {@code fallback}) and its French explanation; the questions still open
 * that could change it, most decisive first.
 */
public record TriageResult(Urgency urgency, Orientation orientation, List<RedFlag> redFlags, boolean outOfHours,
                           String advice, String rulesVersion, String decidedBy, String ruleId, String explanation,
                           List<Question> questions) {
}
