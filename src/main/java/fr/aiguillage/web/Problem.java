package fr.aiguillage.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.aiguillage.failure.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9457 problem details, with our stable {@code code}, for validation the field errors, and for
 * some conflicts extension members (e.g. {@code conflictingSlotId}).
 */
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
                      @JsonIgnore Map<String, Object> extensions) {

  public static final String CONTENT_TYPE = "application/problem+json";

  public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
    return of(status, code, title, detail, errors, Map.of());
  }

  public static Problem of(int status, String code, String title, String detail, List<FieldError> errors,
                           Map<String, Object> extensions) {
    String type = "urn:aiguillage:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    return new Problem(type, title, status, detail, code, errors == null || errors.isEmpty() ? null : errors,
        extensions);
  }

  /** The same problem naming the request it answers ({@code requestId}, also in the X-Request-Id header). */
  public Problem withRequestId(String requestId) {
    if (requestId == null) {
      return this;
    }
    Map<String, Object> members = new LinkedHashMap<>(extensions == null ? Map.of() : extensions);
    members.put("requestId", requestId);
    return new Problem(type, title, status, detail, code, errors, members);
  }

  @JsonAnyGetter
  Map<String, Object> extensionMembers() {
    return extensions;
  }
}
