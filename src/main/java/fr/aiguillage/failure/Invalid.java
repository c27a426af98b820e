package fr.aiguillage.failure;

import java.util.List;

/** 400 VALIDATION_FAILED: the request is well-formed but some field is wrong. */
public final class Invalid extends DomainFailure {

  private final List<FieldError> errors;

  public Invalid(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public Invalid(List<FieldError> errors) {
    super(400, "VALIDATION_FAILED", "Requête invalide", describe(errors));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String describe(List<FieldError> errors) {
    return errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
  }
}
