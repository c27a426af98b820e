package fr.aiguillage.web;

import fr.aiguillage.scope.Carried;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The operations of openapi.yaml as the cross-territory test needs them: where each name travels. */
final class ContractOperations {

  /** Names that carry an id: {@code id}, {@code …Id}, {@code …Ids}, and territories named directly. */
  private static final Pattern ID_LIKE = Pattern.compile("^id$|Ids?$|^territor(y|ies)$");

  /**
   * One operation: its path parameters, query parameters and top-level body fields by name, and which body
   * fields are arrays.
   */
  record Op(String operationId, String method, String path, Map<String, Carried.In> names, Set<String> arrays) {
  }

  private ContractOperations() {
  }

  static boolean looksLikeId(String name) {
    return ID_LIKE.matcher(name).find();
  }

  @SuppressWarnings("unchecked")
  static List<Op> load() {
    Map<String, Object> doc;
    try (InputStream in = ContractOperations.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      doc = new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Op> ops = new ArrayList<>();
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
    paths.forEach((path, item) -> item.forEach((method, value) -> {
      if (method.equals("parameters") || !(value instanceof Map)) {
        return;
      }
      Map<String, Object> op = (Map<String, Object>) value;
      Map<String, Carried.In> names = new LinkedHashMap<>();
      Set<String> arrays = new HashSet<>();
      List<Object> params = new ArrayList<>((List<Object>) item.getOrDefault("parameters", List.of()));
      params.addAll((List<Object>) op.getOrDefault("parameters", List.of()));
      for (Object p : params) {
        Map<String, Object> param = resolve(doc, (Map<String, Object>) p);
        String in = (String) param.get("in");
        if ("path".equals(in) || "query".equals(in)) {
          names.put((String) param.get("name"), "path".equals(in) ? Carried.In.PATH : Carried.In.QUERY);
        }
      }
      bodyFields(doc, op, names, arrays);
      ops.add(new Op((String) op.get("operationId"), method.toUpperCase(), path, names, arrays));
    }));
    return ops;
  }

  @SuppressWarnings("unchecked")
  private static void bodyFields(Map<String, Object> doc, Map<String, Object> op, Map<String, Carried.In> names,
                                 Set<String> arrays) {
    Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
    if (body == null) {
      return;
    }
    Map<String, Object> content = (Map<String, Object>) resolve(doc, body).getOrDefault("content", Map.of());
    for (Object media : content.values()) {
      Object schema = ((Map<String, Object>) media).get("schema");
      if (schema != null) {
        properties(doc, (Map<String, Object>) schema, names, arrays);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void properties(Map<String, Object> doc, Map<String, Object> schema, Map<String, Carried.In> names,
                                 Set<String> arrays) {
    Map<String, Object> s = resolve(doc, schema);
    ((Map<String, Object>) s.getOrDefault("properties", Map.of())).forEach((name, property) -> {
      names.put(name, Carried.In.BODY);
      if ("array".equals(resolve(doc, (Map<String, Object>) property).get("type"))) {
        arrays.add(name);
      }
    });
    for (String combined : List.of("allOf", "oneOf", "anyOf")) {
      for (Object part : (List<Object>) s.getOrDefault(combined, List.of())) {
        properties(doc, (Map<String, Object>) part, names, arrays);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(Map<String, Object> doc, Map<String, Object> node) {
    Object ref = node.get("$ref");
    if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
      return node;
    }
    Object target = doc;
    for (String part : pointer.substring(2).split("/")) {
      target = ((Map<String, Object>) target).get(part);
    }
    return resolve(doc, (Map<String, Object>) target);
  }
}
