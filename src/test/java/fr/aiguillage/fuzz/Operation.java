package fr.aiguillage.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation of openapi.yaml as the fuzzer sees it: method, path template, parameters (path and query,
 * path-level ones included) and the request body's media type and schema, with local $refs resolved.
 */
record Operation(String id, String method, String path, List<Parameter> parameters, String mediaType,
                 JsonObject bodySchema, boolean bodyRequired, boolean streams) {

  record Parameter(String name, String in, boolean required, JsonObject schema) {
  }

  /** Every operation of the contract, in document order. */
  static List<Operation> all(JsonObject contract) {
    List<Operation> operations = new ArrayList<>();
    JsonObject paths = contract.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      if (!(paths.getValue(path) instanceof JsonObject item)) {
        continue; // the loader's own bookkeeping keys
      }
      for (String method : List.of("get", "post", "put", "patch", "delete")) {
        if (item.getValue(method) instanceof JsonObject op) {
          operations.add(of(contract, path, method, item, op));
        }
      }
    }
    return operations;
  }

  private static Operation of(JsonObject contract, String path, String method, JsonObject item, JsonObject op) {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    for (JsonArray list : new JsonArray[] {item.getJsonArray("parameters"), op.getJsonArray("parameters")}) {
      if (list != null) {
        for (Object raw : list) {
          JsonObject p = resolve(contract, (JsonObject) raw);
          parameters.put(p.getString("in") + ":" + p.getString("name"), new Parameter(p.getString("name"),
              p.getString("in"), p.getBoolean("required", false), resolve(contract, p.getJsonObject("schema",
                  new JsonObject()))));
        }
      }
    }
    String mediaType = null;
    JsonObject schema = null;
    boolean required = false;
    JsonObject body = op.getJsonObject("requestBody");
    if (body != null) {
      body = resolve(contract, body);
      required = body.getBoolean("required", false);
      JsonObject content = body.getJsonObject("content", new JsonObject());
      mediaType = content.fieldNames().stream().findFirst().orElse(null);
      JsonObject media = mediaType == null ? null : content.getJsonObject(mediaType);
      schema = media == null || media.getJsonObject("schema") == null ? null
          : resolveDeep(contract, media.getJsonObject("schema"), 0);
    }
    return new Operation(op.getString("operationId", method + " " + path), method.toUpperCase(), path,
        List.copyOf(parameters.values()), mediaType, schema, required, streams(op));
  }

  /** An operation answering text/event-stream keeps its connection open: the fuzzer reads only its status. */
  private static boolean streams(JsonObject op) {
    JsonObject ok = op.getJsonObject("responses", new JsonObject()).getJsonObject("200");
    return ok != null && ok.getJsonObject("content") != null
        && ok.getJsonObject("content").containsKey("text/event-stream");
  }

  static JsonObject resolve(JsonObject contract, JsonObject node) {
    JsonObject current = node;
    for (int depth = 0; current.containsKey("$ref") && depth < 20; depth++) {
      Object found = contract;
      for (String token : current.getString("$ref").replaceFirst("^#/", "").split("/")) {
        found = ((JsonObject) found).getValue(token.replace("~1", "/").replace("~0", "~"));
      }
      current = (JsonObject) found;
    }
    return current;
  }

  /** The schema with every $ref inlined (to a bounded depth, for recursive schemas). */
  static JsonObject resolveDeep(JsonObject contract, JsonObject schema, int depth) {
    JsonObject resolved = resolve(contract, schema).copy();
    if (depth > 8) {
      return resolved;
    }
    for (String key : List.copyOf(resolved.fieldNames())) {
      Object value = resolved.getValue(key);
      if (value instanceof JsonObject child) {
        if ("properties".equals(key)) {
          JsonObject props = new JsonObject();
          child.forEach(e -> props.put(e.getKey(), e.getValue() instanceof JsonObject p
              ? resolveDeep(contract, p, depth + 1) : e.getValue()));
          resolved.put(key, props);
        } else {
          resolved.put(key, resolveDeep(contract, child, depth + 1));
        }
      } else if (value instanceof JsonArray array && List.of("allOf", "anyOf", "oneOf").contains(key)) {
        JsonArray out = new JsonArray();
        array.forEach(a -> out.add(a instanceof JsonObject o ? resolveDeep(contract, o, depth + 1) : a));
        resolved.put(key, out);
      }
    }
    return resolved;
  }

  /** The literal path segment just before {@code {name}}, e.g. "slots" for /api/v1/slots/{id}. */
  String kindOf(String parameter) {
    String[] segments = path.split("/");
    for (int i = 1; i < segments.length; i++) {
      if (segments[i].equals("{" + parameter + "}")) {
        return segments[i - 1];
      }
    }
    return parameter;
  }

  /** The kind of record a 2xx answer of this operation creates: the last literal segment of its path. */
  String createdKind() {
    String[] segments = path.split("/");
    for (int i = segments.length - 1; i >= 0; i--) {
      if (!segments[i].startsWith("{")) {
        return segments[i];
      }
    }
    return path;
  }
}
