package fr.aiguillage.ops;

import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Unauthorized;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read {@code /metrics}: a scraper from an allowed network (the peer address, not a forwarded header),
 * sending the configured bearer token. Each configured condition must hold; with none configured the endpoint
 * is off (404). Refusals are problem+json through the one failure handler.
 */
final class MetricsAccess implements Handler<RoutingContext> {

  private static final String BEARER = "Bearer ";

  private final MetricsSettings settings;

  MetricsAccess(MetricsSettings settings) {
    this.settings = settings;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!settings.enabled()) {
      ctx.fail(404);
      return;
    }
    if (!settings.networks().isEmpty() && !fromAllowedNetwork(ctx)) {
      throw new Forbidden("metrics are not served to this network");
    }
    if (!settings.token().isEmpty()) {
      String header = ctx.request().getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        throw new Unauthorized("send the metrics token as a bearer token");
      }
      if (!sameToken(header.substring(BEARER.length()).trim())) {
        throw new Forbidden("wrong metrics token");
      }
    }
    ctx.next();
  }

  private boolean fromAllowedNetwork(RoutingContext ctx) {
    String peer = ctx.request().connection().remoteAddress().hostAddress();
    return peer != null && settings.networks().stream().anyMatch(cidr -> cidr.contains(peer));
  }

  /** Constant-time comparison: the time taken must not tell how much of a guess was right. */
  private boolean sameToken(String given) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        settings.token().getBytes(StandardCharsets.UTF_8));
  }
}
