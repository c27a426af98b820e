package fr.aiguillage.web;

import fr.aiguillage.failure.FieldError;

import java.util.List;
import java.util.Locale;

/** RFC 9457 problem details, with our stable {@code code} and, for validation, the field errors. */
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

  public static final String CONTENT_TYPE = "application/problem+json";

  public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
    String type = "urn:aiguillage:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    return new Problem(type, title, status, detail, code, errors == null || errors.isEmpty() ? null : errors);
  }
}
