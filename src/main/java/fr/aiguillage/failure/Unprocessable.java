package fr.aiguillage.failure;

import java.util.List;

/** 422: the request is well-formed but names something the service cannot act on (e.g. an unknown time zone). */
public final class Unprocessable extends DomainFailure {

  private final FieldError error;

  public Unprocessable(String code, String field, String message) {
    super(422, code, "Requête non traitable", field + ": " + message);
    this.error = new FieldError(field, message);
  }

  @Override
  public List<FieldError> errors() {
    return List.of(error);
  }
}
