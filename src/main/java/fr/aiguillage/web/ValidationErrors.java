package fr.aiguillage.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.aiguillage.failure.FieldError;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the OpenAPI validator's and Jackson's complaints into {@code {field, message}} pairs. */
final class ValidationErrors {

  private static final Pattern PARAMETER = Pattern.compile("(query|path|header|cookie) parameter (\\S+?)[.\\s]");
  private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");

  private ValidationErrors() {
  }

  static List<FieldError> from(ValidatorException e) {
    Matcher parameter = PARAMETER.matcher(e.getMessage() + " ");
    if (parameter.find()) {
      return List.of(new FieldError(parameter.group(2), reason(e)));
    }
    if (e instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      return fromOutput(schema.getOutputUnit());
    }
    String message = e.getMessage().contains("can't be decoded") ? "malformed JSON" : e.getMessage();
    return List.of(new FieldError("body", message));
  }

  static List<FieldError> from(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return List.of(new FieldError(path(unknown), "unknown field"));
    }
    if (e instanceof InvalidFormatException format && format.getOriginalMessage().startsWith("a date")) {
      return List.of(new FieldError(path(format), "must be " + format.getOriginalMessage()));
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return List.of(new FieldError(path(mapping), "wrong type or value"));
    }
    return List.of(new FieldError("body", "malformed JSON"));
  }

  /**
   * Keeps the errors a person can act on: the leaf reasons, "required" for missing fields and
   * "unknown field" for extra ones; drops the summaries ("a subschema had errors") that repeat them.
   */
  private static List<FieldError> fromOutput(OutputUnit root) {
    List<OutputUnit> leaves = root.getErrors() == null || root.getErrors().isEmpty() ? List.of(root) : root.getErrors();
    Set<FieldError> specific = new LinkedHashSet<>();
    Set<String> extra = new LinkedHashSet<>();
    for (OutputUnit unit : leaves) {
      String error = unit.getError();
      String at = pointerToPath(unit.getInstanceLocation());
      Matcher required = REQUIRED.matcher(error == null ? "" : error);
      if (error == null || error.startsWith("A subschema had errors") || error.endsWith("does not match schema")) {
        continue;
      }
      if (required.find()) {
        specific.add(new FieldError(at.isEmpty() ? required.group(1) : at + "." + required.group(1), "required"));
      } else if (error.endsWith("does not match additional properties schema")) {
        extra.add(at);
      } else {
        specific.add(new FieldError(at.isEmpty() ? "body" : at, error));
      }
    }
    Set<String> explained = new LinkedHashSet<>();
    specific.forEach(e -> explained.add(e.field()));
    extra.stream().filter(field -> !explained.contains(field))
        .forEach(field -> specific.add(new FieldError(field, "unknown field")));
    return specific.isEmpty() ? List.of(new FieldError("body", "invalid")) : new ArrayList<>(specific);
  }

  /** JSON pointer {@code /sites/0/communeInsee} → {@code sites[0].communeInsee}. */
  static String pointerToPath(String pointer) {
    if (pointer == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String token : pointer.replaceFirst("^#", "").split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.chars().allMatch(Character::isDigit)) {
        out.append('[').append(token).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(token.replace("~1", "/").replace("~0", "~"));
      }
    }
    return out.toString();
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "body" : out.toString();
  }

  private static String reason(ValidatorException e) {
    String message = e.getMessage();
    int at = message.indexOf("Reason: ");
    return at >= 0 ? message.substring(at + "Reason: ".length()) : message;
  }
}
