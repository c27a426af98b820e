package fr.aiguillage.ops;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code metrics} section: a bearer {@code token} the scraper must send and/or {@code allowedNetworks}, a
 * comma-separated CIDR list the scraper must connect from. Both empty: {@code /metrics} does not exist (404).
 */
record MetricsSettings(String token, List<Cidr> networks) {

  static MetricsSettings from(JsonObject section) {
    String token = section.getString("token", "").trim();
    List<Cidr> networks = Arrays.stream(section.getString("allowedNetworks", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    return new MetricsSettings(token, networks);
  }

  boolean enabled() {
    return !token.isEmpty() || !networks.isEmpty();
  }
}
