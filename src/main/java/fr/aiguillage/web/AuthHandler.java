package fr.aiguillage.web;

import fr.aiguillage.failure.Unauthorized;
import fr.aiguillage.security.AuthService;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * Requires a live session on every {@code /api/v1} path except the public ones (DESIGN.md,
 * "Conventions": login, and the telephony webhook, which is signed instead): a bearer token, or the console's
 * session cookie (then only from the console's own origin, see {@link SessionCookie}); puts the {@link Caller}
 * in the routing context.
 */
final class AuthHandler implements Handler<RoutingContext> {

  private static final String API = "/api/v1/";
  private static final String SESSION = "/api/v1/auth/session";
  private static final Set<String> PUBLIC = Set.of("/api/v1/auth/login", SESSION, "/api/v1/telephony/events");
  /** Push links (issue 23): the token is the credential; a session sent along is read, to refuse another's. */
  private static final String PUSH_LINKS = "/api/v1/push-links/";
  /** What an account whose first-sign-in password change is due may still do. */
  private static final Set<String> BEFORE_PASSWORD_CHANGE = Set.of("/api/v1/auth/password", "/api/v1/auth/logout",
      "/api/v1/me");

  private final AuthService auth;

  AuthHandler(AuthService auth) {
    this.auth = auth;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path.equals(SESSION)) {
      SessionCookie.requireSameOrigin(ctx);
    }
    if (!path.startsWith(API) || PUBLIC.contains(path)) {
      ctx.next();
      return;
    }
    boolean optional = path.startsWith(PUSH_LINKS);
    String token = bearerToken(ctx);
    if (token == null) {
      token = SessionCookie.token(ctx);
      if (token == null) {
        if (optional) {
          ctx.next();
        } else {
          ctx.fail(new Unauthorized("missing bearer token"));
        }
        return;
      }
      SessionCookie.requireSameOrigin(ctx);
    }
    String presented = token;
    auth.authenticate(presented, BEFORE_PASSWORD_CHANGE.contains(path)).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
      } else if (result.result().isEmpty() && optional) {
        ctx.next();
      } else if (result.result().isEmpty()) {
        ctx.fail(new Unauthorized("invalid or expired token"));
      } else {
        ctx.put(Requests.CALLER, new Caller(result.result().get(), Requests.clientIp(ctx)));
        ctx.put(Requests.TOKEN, presented);
        ctx.next();
      }
    });
  }

  static String bearerToken(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
