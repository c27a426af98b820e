package fr.aiguillage.web;

import fr.aiguillage.failure.FieldError;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.json.TextRules;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.openapi.contract.OpenAPIContract;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first handler of every request, before authentication and routing decide anything: the path and the
 * query must be percent-encoded correctly (each {@code %} followed by two hex digits, the bytes valid UTF-8,
 * no control character once decoded), else 400 naming the parameter; a form body sent to the JSON API is 415.
 * Vert.x would otherwise fail later, in many places, with a bare 400 or a 500 (issue 21, class 1).
 */
final class RequestDecoding implements PlatformHandler {

  private static final String API = "/api/v1/";
  private static final List<String> PARSED_HEADERS = List.of("Content-Type", "Accept", "Accept-Charset",
      "Accept-Encoding", "Accept-Language");

  private final OpenAPIContract contract;

  RequestDecoding(OpenAPIContract contract) {
    this.contract = contract;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String uri = ctx.request().uri();
    int question = uri.indexOf('?');
    String path = question < 0 ? uri : uri.substring(0, question);
    String query = question < 0 ? null : uri.substring(question + 1);
    List<FieldError> errors = new ArrayList<>();
    checkPath(path, errors);
    if (query != null) {
      checkQuery(query, errors);
    }
    for (String header : PARSED_HEADERS) {
      String value = ctx.request().getHeader(header);
      if (value != null && !quotesClosed(value)) {
        errors.add(new FieldError(header, "has a quoted parameter that is not closed"));
      }
    }
    if (!errors.isEmpty()) {
      ctx.fail(new Invalid(errors));
    } else if (path.startsWith(API) && isForm(ctx.request().getHeader("Content-Type"))) {
      ctx.fail(new HttpException(415));
    } else {
      ctx.next();
    }
  }

  /**
   * True when every quoted string in the header is closed (backslash escapes honoured). Vert.x Web
   * parses these headers itself and fails with an index error on {@code boundary="} (issue 21, found by the fuzzer).
   */
  static boolean quotesClosed(String header) {
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      }
    }
    return !quoted;
  }

  private static boolean isForm(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
    return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
  }

  private void checkPath(String path, List<FieldError> errors) {
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String problem = decodingProblem(segments[i]);
      if (problem != null) {
        errors.add(new FieldError(pathParameter(segments, i), problem));
        return;
      }
    }
  }

  /** The name of the path parameter at this segment ("id"), found by matching the contract's templates. */
  private String pathParameter(String[] segments, int index) {
    String[] probe = segments.clone();
    probe[index] = "x";
    try {
      var found = contract.findPath(String.join("/", probe));
      if (found != null) {
        String[] template = found.getName().split("/", -1);
        if (index < template.length && template[index].startsWith("{")) {
          return template[index].substring(1, template[index].length() - 1);
        }
      }
    } catch (RuntimeException e) {
      // no template matches: the path itself is named
    }
    return "path";
  }

  private static void checkQuery(String query, List<FieldError> errors) {
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      String nameProblem = decodingProblem(name);
      if (nameProblem != null) {
        errors.add(new FieldError("query", "a parameter name " + nameProblem));
        continue;
      }
      String valueProblem = decodingProblem(value);
      if (valueProblem != null) {
        errors.add(new FieldError(decode(name), valueProblem));
      }
    }
  }

  /** Null when the text decodes to valid UTF-8 with no control character; else why not. */
  static String decodingProblem(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
          return "is not correctly percent-encoded (% must be followed by two hexadecimal digits)";
        }
        bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
      }
    }
    try {
      String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
      return TextRules.problem(decoded);
    } catch (CharacterCodingException e) {
      return "is not valid UTF-8 once decoded";
    }
  }

  private static String decode(String name) {
    try {
      return java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "query";
    }
  }
}
