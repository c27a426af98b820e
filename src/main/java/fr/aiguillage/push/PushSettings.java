package fr.aiguillage.push;

import io.vertx.core.json.JsonObject;

import java.time.Duration;

/**
 * The {@code push} section of the configuration: each ring's delay per urgency, the two radii, per-territory overrides
 * of any of these ({@code push.territories.<id>.sameDayRingMinutes}), when to alert before the deadline, the job's
 * period, the length of an accepted appointment, and the links' base address (the calendar feeds' when blank).
 */
public record PushSettings(JsonObject section, Duration alertBeforeDeadline, int jobSeconds,
                           Duration appointmentLength, String publicBaseUrl) {

  public static PushSettings from(JsonObject section, String fallbackBaseUrl) {
    String base = section.getString("publicBaseUrl", "");
    return new PushSettings(section, Duration.ofMinutes(section.getInteger("alertBeforeDeadlineMinutes", 120)),
        section.getInteger("jobSeconds", 30), Duration.ofMinutes(section.getInteger("appointmentMinutes", 20)),
        stripSlash(base == null || base.isBlank() ? fallbackBaseUrl : base));
  }

  /** How long a ring waits before the next one, for this territory and urgency. */
  public Duration ringDelay(String territoryId, String urgency) {
    String key = switch (urgency) {
      case "SAME_DAY" -> "sameDayRingMinutes";
      case "WITHIN_24H" -> "within24hRingMinutes";
      case "WITHIN_48H" -> "within48hRingMinutes";
      default -> "routineRingMinutes";
    };
    return Duration.ofMinutes(number(territoryId, key, 60).longValue());
  }

  /** The radius of ring 1 or 2, in km, for this territory. */
  public double radiusKm(String territoryId, int ring) {
    return number(territoryId, ring == 1 ? "firstRadiusKm" : "secondRadiusKm", ring == 1 ? 5 : 15).doubleValue();
  }

  private Number number(String territoryId, String key, Number fallback) {
    JsonObject territories = section.getJsonObject("territories", new JsonObject());
    JsonObject own = territories.getJsonObject(territoryId, new JsonObject());
    Object value = own.getValue(key);
    if (value == null) {
      value = section.getValue(key);
    }
    if (value instanceof Number n) {
      return n;
    }
    // an environment override of a decimal comes as text
    return value instanceof String text ? Double.valueOf(text.trim()) : fallback;
  }

  private static String stripSlash(String url) {
    return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
