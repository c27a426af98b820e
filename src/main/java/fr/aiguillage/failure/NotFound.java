package fr.aiguillage.failure;

/** 404 NOT_FOUND: no such thing, or not visible to this account. */
public final class NotFound extends DomainFailure {

  public NotFound(String what) {
    super(404, "NOT_FOUND", "Introuvable", what + " not found");
  }
}
