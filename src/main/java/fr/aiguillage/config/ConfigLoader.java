package fr.aiguillage.config;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@code config/application.json} and lets environment variables override any leaf:
 * key {@code agenda.horizonDays} is overridden by {@code AIGUILLAGE_AGENDA_HORIZON_DAYS}.
 */
public final class ConfigLoader {

  public static final String PREFIX = "AIGUILLAGE_";

  private ConfigLoader() {
  }

  /** The file named by {@code AIGUILLAGE_CONFIG_FILE} (default {@code config/application.json}) plus the environment. */
  public static AppConfig load(Map<String, String> env) {
    Path file = Path.of(env.getOrDefault(PREFIX + "CONFIG_FILE", "config/application.json"));
    return AppConfig.from(overlay(read(file), env), env);
  }

  static JsonObject read(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read configuration file " + file.toAbsolutePath(), e);
    }
  }

  static JsonObject overlay(JsonObject defaults, Map<String, String> env) {
    JsonObject result = defaults.copy();
    overlayInto(result, PREFIX, env);
    return result;
  }

  private static void overlayInto(JsonObject node, String envPrefix, Map<String, String> env) {
    for (String key : node.fieldNames()) {
      Object value = node.getValue(key);
      String name = envPrefix + upperSnake(key);
      if (value instanceof JsonObject child) {
        overlayInto(child, name + "_", env);
      } else if (env.containsKey(name)) {
        node.put(key, convert(name, env.get(name), value));
      }
    }
  }

  private static Object convert(String name, String raw, Object current) {
    try {
      if (current instanceof Integer) {
        return Integer.parseInt(raw.trim());
      }
      if (current instanceof Long) {
        return Long.parseLong(raw.trim());
      }
      if (current instanceof Boolean) {
        return parseBoolean(raw.trim());
      }
      return raw;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Environment variable " + name + " has an invalid value", e);
    }
  }

  private static boolean parseBoolean(String raw) {
    if (raw.equalsIgnoreCase("true") || raw.equals("1")) {
      return true;
    }
    if (raw.equalsIgnoreCase("false") || raw.equals("0")) {
      return false;
    }
    throw new IllegalArgumentException("not a boolean");
  }

  static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
  }
}
