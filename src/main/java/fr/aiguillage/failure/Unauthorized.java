package fr.aiguillage.failure;

/** 401 UNAUTHORIZED: no valid session, or wrong credentials (one answer for both). */
public final class Unauthorized extends DomainFailure {

  public Unauthorized(String detail) {
    super(401, "UNAUTHORIZED", "Authentification requise", detail);
  }
}
