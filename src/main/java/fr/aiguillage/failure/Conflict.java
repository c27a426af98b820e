package fr.aiguillage.failure;

/** 409 with a stable code ({@code DUPLICATE_RPPS}, {@code SLOT_TAKEN}...). */
public final class Conflict extends DomainFailure {

  public Conflict(String code, String detail) {
    super(409, code, "Conflit", detail);
  }
}
