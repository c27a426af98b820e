package fr.aiguillage.security.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Filters of the audit listing; {@code territories} null means every territory (ADMIN). */
public record AuditQuery(Instant from, Instant to, UUID accountId, String entityType, List<String> territories,
                         int limit, int offset) {
}
