package fr.aiguillage.failure;

import java.util.Map;

/** 409 with a stable code ({@code DUPLICATE_RPPS}, {@code SLOT_OVERLAP}...) and optional details (ids in the way). */
public final class Conflict extends DomainFailure {

  private final Map<String, Object> details;

  public Conflict(String code, String detail) {
    this(code, detail, Map.of());
  }

  public Conflict(String code, String detail, Map<String, Object> details) {
    super(409, code, "Conflit", detail);
    this.details = Map.copyOf(details);
  }

  public Map<String, Object> details() {
    return details;
  }
}
