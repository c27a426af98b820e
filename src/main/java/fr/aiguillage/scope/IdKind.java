package fr.aiguillage.scope;

/**
 * What an identifier names, and so how it is placed in territories. {@code field} is the name such an id takes in
 * a body or a query ({@code patientId}); {@code entityType} is how the audit trail names the record.
 */
public enum IdKind {
  PROFESSIONAL("professionalId", "professional"),
  SITE("siteId", "site"),
  SLOT("slotId", "slot"),
  RULE("ruleId", "availability_rule"),
  PATIENT("patientId", "patient"),
  APPOINTMENT("appointmentId", "appointment"),
  CALL("callId", "call"),
  TRIAGE("triageId", "triage"),
  WAITLIST_REQUEST("requestId", "waitlist"),
  PROPOSAL("proposalId", "mt_proposal"),
  ACCOUNT("accountId", "account"),
  /** A territory named directly ({@code territoryId}, {@code territory}, {@code territories}). */
  TERRITORY("territoryId", "territory");

  private final String field;
  private final String entityType;

  IdKind(String field, String entityType) {
    this.field = field;
    this.entityType = entityType;
  }

  public String field() {
    return field;
  }

  public String entityType() {
    return entityType;
  }

  /** True for ids that are UUIDs (every kind but territories, whose ids are slugs). */
  public boolean isUuid() {
    return this != TERRITORY;
  }
}
