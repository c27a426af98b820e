package fr.aiguillage.web;

import fr.aiguillage.failure.Forbidden;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * The browser's session: the same token as a bearer session, kept in an {@code HttpOnly}, {@code SameSite=Strict}
 * cookie (page scripts never see it), {@code Secure} when the request came over HTTPS. A state-changing request
 * carried by the cookie must come from this very origin (its {@code Origin} header), so another site cannot
 * make a signed-in browser act (docs/decisions/0008).
 */
public final class SessionCookie {

  public static final String NAME = "aiguillage_session";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private SessionCookie() {
  }

  /** Sets the cookie for a new session; it lasts until the browser closes, the server ending it first. */
  public static void open(RoutingContext ctx, String token) {
    ctx.response().addCookie(base(ctx, token));
  }

  /** Tells the browser to forget the cookie. */
  public static void clear(RoutingContext ctx) {
    ctx.response().addCookie(base(ctx, "").setMaxAge(0));
  }

  static String token(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(NAME);
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }

  /** Refuses a state-changing request whose Origin is missing or another site's. */
  public static void requireSameOrigin(RoutingContext ctx) {
    if (SAFE.contains(ctx.request().method())) {
      return;
    }
    String origin = ctx.request().getHeader("Origin");
    String host = ctx.request().authority() == null ? null : ctx.request().authority().toString();
    if (origin == null || host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host))) {
      throw new Forbidden("cross-site request refused: this request must come from the console's own pages");
    }
  }

  private static Cookie base(RoutingContext ctx, String value) {
    return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(overHttps(ctx));
  }

  private static boolean overHttps(RoutingContext ctx) {
    return ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
  }
}
