package fr.aiguillage.fuzz;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Builds, for one operation, a request the contract accepts (with real ids and, where the test gave one, a
 * body known to work) and then every mutation of it: path, query, headers, content type, whole body, and each
 * field of the body replaced, removed or joined by an unknown one.
 */
final class RequestFactory {

  private final Ids ids;
  private final Map<String, Object> knownBodies;
  private final Map<String, UnaryOperator<FuzzRequest>> finishers;
  private final Random random;

  RequestFactory(Ids ids, Map<String, Object> knownBodies, Map<String, UnaryOperator<FuzzRequest>> finishers,
                 Random random) {
    this.ids = ids;
    this.knownBodies = knownBodies;
    this.finishers = finishers;
    this.random = random;
  }

  List<FuzzRequest> all(Operation op) {
    List<FuzzRequest> out = new ArrayList<>();
    out.add(request(op, "baseline", path(op, Map.of()), query(op, Map.of()), Map.of(), body(op)));
    pathMutations(op, out);
    queryMutations(op, out);
    headerMutations(op, out);
    if (op.mediaType() != null) {
      bodyMutations(op, out);
    }
    return out;
  }

  private void pathMutations(Operation op, List<FuzzRequest> out) {
    String body = body(op);
    String query = query(op, Map.of());
    for (Operation.Parameter p : op.parameters()) {
      if (!"path".equals(p.in())) {
        continue;
      }
      for (String bad : List.of("abc", "%ZZ", "%", "%zz%", "..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "%00",
          "%C3%A9", "%F0%9F%98%80", "%FF%FE", "-1", "null", "%27%20OR%201%3D1", UUID.randomUUID().toString(),
          "00000000-0000-0000-0000-000000000000", ids.any(random), ids.pick(p.name(), random).toUpperCase(),
          ids.pick(p.name(), random) + "%20", "a".repeat(3_000))) {
        out.add(request(op, "path " + p.name() + " = " + cut(bad), path(op, Map.of(p.name(), bad)), query,
            Map.of(), body));
      }
    }
    String path = path(op, Map.of());
    for (String suffix : List.of("%ZZ", "/", "//", "/%2e%2e/%2e%2e/etc/passwd", "/../../../../etc/passwd",
        "%00", "/x".repeat(2_000))) {
      out.add(request(op, "path + " + cut(suffix), path + suffix, query, Map.of(), body));
    }
    out.add(request(op, "path of 10000 more chars",
        path + "/" + "a".repeat(10_000), query, Map.of(), body));
  }

  private void queryMutations(Operation op, List<FuzzRequest> out) {
    String body = body(op);
    String path = path(op, Map.of());
    for (Operation.Parameter p : op.parameters()) {
      if (!"query".equals(p.in())) {
        continue;
      }
      String name = p.name();
      for (String bad : List.of("%ZZ", "%", "", "abc", "-1", "0", "2147483648", "-2147483649",
          "99999999999999999999", "1.5", "1e400", "true", "%00", "a%00b", "%2B999999999-12-31T23%3A59%3A59Z",
          "-999999999-01-01T00:00:00Z", "2026-13-45T25:61:00%2B01:00", "2026-11-24", UUID.randomUUID().toString(),
          "not-a-uuid", "%F0%9F%98%80", "%FF", "%C0%AF", "a".repeat(5_000), "..%2F..%2Fetc%2Fpasswd")) {
        out.add(request(op, "query " + name + " = " + cut(bad), path, query(op, Map.of(name, bad)), Map.of(), body));
      }
      out.add(request(op, "query " + name + " bare", path, query(op, Map.of(name, "\u0000bare")), Map.of(), body));
      out.add(request(op, "query " + name + " twice", path, query(op, Map.of()) + "&" + name + "=1&" + name + "=2",
          Map.of(), body));
      out.add(request(op, "query " + name + " missing", path, query(op, Map.of(name, "\u0000drop")), Map.of(),
          body));
    }
    for (String extra : List.of("zzz=1", "%ZZ=1", "a[b]=c", "%=%", "&&&", "=x")) {
      String q = query(op, Map.of());
      out.add(request(op, "query + " + extra, path, q.isEmpty() ? "?" + extra : q + "&" + extra, Map.of(), body));
    }
  }

  private void headerMutations(Operation op, List<FuzzRequest> out) {
    String path = path(op, Map.of());
    String query = query(op, Map.of());
    String body = body(op);
    out.add(request(op, "header of 20000 chars", path, query, Map.of("X-Filler", "h".repeat(20_000)), body));
    out.add(request(op, "Authorization Basic", path, query, Map.of("Authorization", "Basic YTpi"), body));
    out.add(request(op, "Authorization Bearer alone", path, query, Map.of("Authorization", "Bearer"), body));
    out.add(request(op, "Authorization huge", path, query, Map.of("Authorization", "Bearer " + "t".repeat(6_000)),
        body));
    out.add(request(op, "Accept text/html", path, query, Map.of("Accept", "text/html"), body));
    out.add(request(op, "Accept-Charset odd", path, query, Map.of("Accept", "application/json;q=x"), body));
  }

  private void bodyMutations(Operation op, List<FuzzRequest> out) {
    String path = path(op, Map.of());
    String query = query(op, Map.of());
    String body = body(op);
    for (String broken : Values.brokenBodies()) {
      out.add(request(op, "body = " + cut(broken), path, query, Map.of(), broken));
    }
    out.add(request(op, "no body", path, query, Map.of(), null));
    FuzzRequest utf8 = request(op, "invalid UTF-8", path, query, Map.of(), "");
    out.add(new FuzzRequest(utf8.operationId(), utf8.mutation(), utf8.method(), utf8.uri(), utf8.headers(),
        Buffer.buffer(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', (byte) 0xFF, '"', '}'}),
        utf8.streams()));
    for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
        "application/xml", "application/json; charset=ISO-8859-1", "application/json-patch+json", "*/*", "",
        "application/json; boundary=\"", "text/calendar")) {
      String sent = type.startsWith("application/x-www") ? "a[b]=c&%ZZ=1" : body;
      out.add(request(op, "Content-Type " + type, path, query, Map.of("Content-Type", type), sent));
    }
    Object valid = knownBodies.containsKey(op.id()) ? knownBodies.get(op.id())
        : Values.valid(op.bodySchema(), "body", ids, random);
    if (!(valid instanceof JsonObject object)) {
      return;
    }
    List<String> hostile = Values.hostile(ids, random);
    for (String field : fields(object, "")) {
      for (String value : hostile) {
        out.add(request(op, "body." + field + " = " + cut(value), path, query, Map.of(),
            replaced(object, field, value)));
      }
      out.add(request(op, "body." + field + " removed", path, query, Map.of(), removed(object, field)));
    }
    out.add(request(op, "body + unknown field", path, query, Map.of(), object.copy().put("zzz", 1).encode()));
  }

  /** Field paths of a body: top level, nested objects, the first item of arrays ("sites[0].name"). */
  private static List<String> fields(JsonObject object, String prefix) {
    List<String> out = new ArrayList<>();
    object.forEach(e -> {
      String name = prefix + e.getKey();
      out.add(name);
      if (e.getValue() instanceof JsonObject nested) {
        out.addAll(fields(nested, name + "."));
      } else if (e.getValue() instanceof JsonArray array && !array.isEmpty() && array.getValue(0) instanceof JsonObject o) {
        out.addAll(fields(o, name + "[0]."));
      }
    });
    return out;
  }

  private static String replaced(JsonObject body, String field, String raw) {
    JsonObject copy = body.copy();
    setAt(copy, field, Values.RAW);
    return copy.encode().replace("\"" + Values.RAW + "\"", raw);
  }

  private static String removed(JsonObject body, String field) {
    JsonObject copy = body.copy();
    setAt(copy, field, null);
    return copy.encode();
  }

  /** Sets (or, with null, removes) the value at a field path such as "sites[0].name". */
  private static void setAt(JsonObject root, String field, Object value) {
    String[] parts = field.split("\\.");
    JsonObject target = root;
    for (int i = 0; i < parts.length - 1; i++) {
      String part = parts[i];
      target = part.endsWith("[0]") ? target.getJsonArray(part.substring(0, part.length() - 3)).getJsonObject(0)
          : target.getJsonObject(part);
    }
    String last = parts[parts.length - 1];
    if (value == null) {
      target.remove(last);
    } else {
      target.put(last, value);
    }
  }

  private String body(Operation op) {
    if (op.mediaType() == null) {
      return null;
    }
    Object known = knownBodies.get(op.id());
    if (known != null) {
      return known instanceof JsonObject json ? json.encode() : String.valueOf(known);
    }
    Object value = Values.valid(op.bodySchema(), "body", ids, random);
    return value instanceof JsonObject || value instanceof JsonArray ? io.vertx.core.json.Json.encode(value)
        : String.valueOf(value);
  }

  private String path(Operation op, Map<String, String> overrides) {
    String path = op.path();
    for (Operation.Parameter p : op.parameters()) {
      if ("path".equals(p.in())) {
        String value = overrides.containsKey(p.name()) ? overrides.get(p.name()) : ids.pick(op.kindOf(p.name()),
            random);
        path = path.replace("{" + p.name() + "}", value);
      }
    }
    return path;
  }

  /** The query of a valid request (required parameters); an override of "\u0000drop" leaves one out. */
  private String query(Operation op, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Operation.Parameter p : op.parameters()) {
      if ("query".equals(p.in()) && (p.required() || overrides.containsKey(p.name()))) {
        values.put(p.name(), URLEncoder.encode(String.valueOf(Values.valid(p.schema(), p.name(), ids, random)),
            StandardCharsets.UTF_8));
      }
    }
    values.putAll(overrides);
    StringBuilder out = new StringBuilder();
    values.forEach((name, value) -> {
      if (!"\u0000drop".equals(value)) {
        out.append(out.length() == 0 ? "?" : "&").append(name);
        if (!"\u0000bare".equals(value)) {
          out.append('=').append(value);
        }
      }
    });
    return out.toString();
  }

  private FuzzRequest request(Operation op, String mutation, String path, String query, Map<String, String> headers,
                              String body) {
    Map<String, String> all = new LinkedHashMap<>();
    if (body != null && op.mediaType() != null) {
      all.put("Content-Type", op.mediaType());
    }
    all.putAll(headers);
    FuzzRequest request = new FuzzRequest(op.id(), mutation, op.method(), path + query, all,
        body == null ? null : Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)), op.streams());
    return finishers.getOrDefault(op.id(), UnaryOperator.identity()).apply(request);
  }

  private static String cut(String value) {
    String shown = value.replace("\u0000", "\\u0000");
    return shown.length() > 40 ? shown.substring(0, 40) + "…(" + value.length() + ")" : shown;
  }
}
