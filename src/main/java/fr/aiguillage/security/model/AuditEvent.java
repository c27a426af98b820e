package fr.aiguillage.security.model;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail: who did what to which record, from where, with what outcome. */
public record AuditEvent(
    Long id,
    Instant at,
    UUID accountId,
    String action,
    String entityType,
    String entityId,
    String territoryId,
    String clientIp,
    Outcome outcome,
    String detail) {

  /** How the attempt ended. */
  public enum Outcome { SUCCESS, DENIED, FAILURE }

  public static AuditEvent of(Caller caller, String action, String entityType, Object entityId, String territoryId) {
    return new AuditEvent(null, null, caller.accountId(), action, entityType,
        entityId == null ? null : entityId.toString(), territoryId, caller.clientIp(), Outcome.SUCCESS, null);
  }

  public AuditEvent withEntityType(String type) {
    return new AuditEvent(id, at, accountId, action, type, entityId, territoryId, clientIp, outcome, detail);
  }

  public AuditEvent withOutcome(Outcome newOutcome) {
    return new AuditEvent(id, at, accountId, action, entityType, entityId, territoryId, clientIp, newOutcome, detail);
  }

  public AuditEvent withDetail(String text) {
    return new AuditEvent(id, at, accountId, action, entityType, entityId, territoryId, clientIp, outcome, text);
  }
}
