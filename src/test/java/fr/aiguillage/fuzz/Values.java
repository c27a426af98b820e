package fr.aiguillage.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Values for a schema: one that the contract accepts, and the hostile ones, as raw JSON text. */
final class Values {

  /** Stand-in replaced by raw JSON text after encoding (lone surrogates cannot go through a Java encoder). */
  static final String RAW = "\u2063RAW\u2063";

  private Values() {
  }

  /** A value the schema accepts (best effort: example, default, enum, format, bounds). */
  static Object valid(JsonObject schema, String field, Ids ids, Random random) {
    if (schema == null) {
      return "x";
    }
    for (String key : List.of("example", "default", "const")) {
      if (schema.containsKey(key)) {
        return schema.getValue(key);
      }
    }
    if (schema.getJsonArray("enum") != null && !schema.getJsonArray("enum").isEmpty()) {
      return schema.getJsonArray("enum").getValue(0);
    }
    for (String key : List.of("oneOf", "anyOf", "allOf")) {
      if (schema.getJsonArray(key) != null && !schema.getJsonArray(key).isEmpty()) {
        return valid(schema.getJsonArray(key).getJsonObject(0), field, ids, random);
      }
    }
    return switch (type(schema)) {
      case "object" -> object(schema, ids, random);
      case "array" -> new JsonArray().add(valid(schema.getJsonObject("items"), field, ids, random));
      case "integer" -> (int) Math.max(1, Math.min(schema.getDouble("minimum", 1.0),
          schema.getDouble("maximum", 1e9)));
      case "number" -> Math.max(1.0, schema.getDouble("minimum", 1.0));
      case "boolean" -> false;
      default -> string(schema, field, ids, random);
    };
  }

  static String type(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof JsonArray types) {
      return types.stream().map(String::valueOf).filter(t -> !"null".equals(t)).findFirst().orElse("string");
    }
    if (type == null) {
      return schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "string";
    }
    return (String) type;
  }

  private static JsonObject object(JsonObject schema, Ids ids, Random random) {
    JsonObject out = new JsonObject();
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    properties.forEach(e -> out.put(e.getKey(), valid((JsonObject) e.getValue(), e.getKey(), ids, random)));
    return out;
  }

  private static String string(JsonObject schema, String field, Ids ids, Random random) {
    String format = schema.getString("format", "");
    return switch (format) {
      case "uuid" -> ids.pick(field, random);
      case "date-time" -> "2026-11-24T10:00:00+01:00";
      case "date" -> "1984-05-17";
      case "email" -> "contact@exemple.fr";
      case "uri" -> "https://exemple.fr/agenda.ics";
      default -> "Texte".repeat(Math.max(1, schema.getInteger("minLength", 1) / 5 + 1))
          .substring(0, Math.max(Math.min(5, schema.getInteger("maxLength", 5)), schema.getInteger("minLength", 1)));
    };
  }

  /**
   * Hostile values for any field, as raw JSON: wrong types, empties, control characters, unpaired surrogates,
   * out-of-range numbers and dates, bad and unknown UUIDs, traversal, huge strings and arrays.
   */
  static List<String> hostile(Ids ids, Random random) {
    String huge = "a".repeat(100_000);
    String manyItems = "[" + "\"x\",".repeat(19_999) + "\"x\"]";
    String manyObjects = "[" + "{\"a\":1},".repeat(4_999) + "{\"a\":1}]";
    return List.of("null", "\"\"", "\" \"", "0", "-1", "1.5", "2147483648", "-2147483649", "9223372036854775808",
        "1e308", "-1e308", "1" + "0".repeat(400), "true", "[]", "{}", "\"x\"",
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\\u0007\\u001f\"", "\"\\t\\r\\n\"", "\"\\ud800\"", "\"x\\udc00\"",
        "\"\\ud83d\\ude00\"", "\"\\u202e\\u200b\\ufeff\"", "\"\\uffff\"", "\"é👍🏽\"",
        "\"../../etc/passwd\"", "\"%ZZ\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"",
        "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"",
        "\"2026-02-30T10:00:00+01:00\"", "\"2026-11-24T10:00:00+25:00\"", "\"2026-11-24\"", "\"9999-12-31\"",
        "\"0001-01-01\"", "\"1900-01-01\"", "\"2026-11-24T10:00:00\"",
        "\"00000000-0000-0000-0000-000000000000\"", "\"" + UUID.randomUUID() + "\"", "\"not-a-uuid\"",
        "\"" + ids.any(random) + "\"", "\"" + huge + "\"", manyItems, manyObjects, "[null]", "[\"\\u0000\"]",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "{\"unexpected\":\"\\u0000\"}");
  }

  /** Whole bodies that are not the JSON the operation reads. */
  static List<String> brokenBodies() {
    return List.of("", " ", "{", "}", "[", "[]", "null", "1", "\"text\"", "{\"a\":}", "{\"a\":1,}", "{'a':1}",
        "{\"a\":1}{\"b\":2}", "{\"a\" 1}", "\u0000", "{\"\\u0000\":1}", "\ufeff{}", "{\"a\":\"\\ud800\"}",
        "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
        "{\"a\":\"" + "b".repeat(900_000) + "\"}");
  }
}
