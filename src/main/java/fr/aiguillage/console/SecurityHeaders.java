package fr.aiguillage.console;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;

/**
 * Headers on every answer: a strict Content-Security-Policy (this origin only, no inline script or style; the
 * configured map tile server the one other origin, for images), no MIME sniffing, no framing, no referrer
 * outside this origin.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

  private final String policy;

  SecurityHeaders(String tileUrl) {
    String tiles = tileOrigin(tileUrl);
    this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
        + (tiles.isEmpty() ? "" : " " + tiles)
        + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
        + " frame-ancestors 'none'";
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", policy)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "same-origin");
    ctx.next();
  }

  /** {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} → {@code https://*.tile.example.org}. */
  static String tileOrigin(String tileUrl) {
    if (tileUrl == null || tileUrl.isBlank()) {
      return "";
    }
    try {
      URI uri = URI.create(tileUrl.replaceAll("\\{[a-z]+}", "0"));
      String host = tileUrl.replaceFirst("^[a-z]+://", "").replaceFirst("[/:].*$", "").replace("{s}", "*");
      return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("console.tileUrl is not a URL: " + tileUrl, e);
    }
  }
}
