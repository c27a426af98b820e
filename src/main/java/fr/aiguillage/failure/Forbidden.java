package fr.aiguillage.failure;

/** 403 FORBIDDEN: authenticated, but this role or territory does not allow it. */
public final class Forbidden extends DomainFailure {

  public Forbidden(String detail) {
    super(403, "FORBIDDEN", "Accès refusé", detail);
  }
}
