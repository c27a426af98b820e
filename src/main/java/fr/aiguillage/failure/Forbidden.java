package fr.aiguillage.failure;

/**
 * 403 FORBIDDEN: authenticated, but this role or territory does not allow it. When the refusal is about one record
 * (an id of another territory), it names it, so the audit trail's DENIED row says what was reached for.
 */
public final class Forbidden extends DomainFailure {

  private final String entityType;
  private final String entityId;
  private final String territoryId;

  public Forbidden(String detail) {
    this(detail, null, null, null);
  }

  private Forbidden(String detail, String entityType, String entityId, String territoryId) {
    super(403, "FORBIDDEN", "Accès refusé", detail);
    this.entityType = entityType;
    this.entityId = entityId;
    this.territoryId = territoryId;
  }

  /** A refusal about one record lying in {@code territoryId}. */
  public static Forbidden about(String detail, String entityType, String entityId, String territoryId) {
    return new Forbidden(detail, entityType, entityId, territoryId);
  }

  /** The record refused, or null for a refusal of the request as a whole. */
  public String entityType() {
    return entityType;
  }

  public String entityId() {
    return entityId;
  }

  public String territoryId() {
    return territoryId;
  }
}
