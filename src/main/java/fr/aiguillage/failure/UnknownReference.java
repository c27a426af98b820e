package fr.aiguillage.failure;

import java.util.List;

/** 422 UNKNOWN_REFERENCE: a well-formed id in the request names no record (a foreign key found nothing). */
public final class UnknownReference extends DomainFailure {

  private final String field;

  public UnknownReference(String field) {
    super(422, "UNKNOWN_REFERENCE", "Référence inconnue", field + " names no existing record");
    this.field = field;
  }

  @Override
  public List<FieldError> errors() {
    return List.of(new FieldError(field, "names no existing record"));
  }
}
