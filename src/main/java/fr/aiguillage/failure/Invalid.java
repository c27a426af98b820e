package fr.aiguillage.failure;

import java.util.List;

/** 400 VALIDATION_FAILED: the request is well-formed but some field is wrong. */
public final class Invalid extends DomainFailure {

  /** A problem lists at most this many field errors (the detail says how many more there were). */
  public static final int MAX_ERRORS = 20;

  private final List<FieldError> errors;

  public Invalid(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public Invalid(List<FieldError> errors) {
    super(400, "VALIDATION_FAILED", "Requête invalide", describe(errors));
    this.errors = List.copyOf(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
  }

  @Override
  public List<FieldError> errors() {
    return errors;
  }

  private static String describe(List<FieldError> errors) {
    String shown = String.join("; ", errors.stream().limit(MAX_ERRORS).map(e -> e.field() + ": " + e.message())
        .toList());
    return errors.size() > MAX_ERRORS ? shown + "; and " + (errors.size() - MAX_ERRORS) + " more" : shown;
  }
}
