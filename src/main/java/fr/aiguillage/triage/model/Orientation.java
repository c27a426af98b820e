package fr.aiguillage.triage.model;

import java.time.Duration;
import java.util.List;

/** Which professional, with which skills, how soon ({@code within} as an ISO-8601 duration). */
public record Orientation(String profession, List<String> skills, Duration within) {
}
