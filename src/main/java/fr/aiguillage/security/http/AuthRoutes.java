package fr.aiguillage.security.http;

import fr.aiguillage.security.AuthService;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import fr.aiguillage.web.SessionCookie;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Instant;

/** {@code /api/v1/auth/*} and {@code /api/v1/me}. */
public final class AuthRoutes {

  record LoginRequest(String login, String password) {
  }

  record LoginResponse(String token, Instant expiresAt, AccountView account, boolean mustChangePassword) {
  }

  record PasswordChange(String currentPassword, String newPassword) {
  }

  /**
   * The console's answer: no token in it (the cookie carries it, out of scripts' reach). {@code mustChangePassword}:
   * the console shows its password change before any screen.
   */
  record ConsoleSession(Instant expiresAt, AccountView account, boolean mustChangePassword) {
  }

  private final AuthService auth;

  public AuthRoutes(AuthService auth) {
    this.auth = auth;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("login").addHandler(this::login);
    api.getRoute("openSession").addHandler(this::openSession);
    api.getRoute("logout").addHandler(this::logout);
    api.getRoute("changePassword").addHandler(this::changePassword);
    api.getRoute("me").addHandler(this::me);
  }

  private void login(RoutingContext ctx) {
    LoginRequest request = Requests.body(ctx, LoginRequest.class);
    Responses.reply(ctx, auth.login(request.login(), request.password(), Requests.clientIp(ctx)), session ->
        Responses.ok(ctx, new LoginResponse(session.token(), session.expiresAt(), AccountView.of(session.account()),
            session.mustChangePassword())));
  }

  private void changePassword(RoutingContext ctx) {
    PasswordChange request = Requests.body(ctx, PasswordChange.class);
    Responses.reply(ctx, auth.changePassword(Requests.caller(ctx), request.currentPassword(), request.newPassword()),
        v -> Responses.noContent(ctx));
  }

  private void openSession(RoutingContext ctx) {
    LoginRequest request = Requests.body(ctx, LoginRequest.class);
    Responses.reply(ctx, auth.login(request.login(), request.password(), Requests.clientIp(ctx)), session -> {
      SessionCookie.open(ctx, session.token());
      return Responses.ok(ctx, new ConsoleSession(session.expiresAt(), AccountView.of(session.account()),
          session.mustChangePassword()));
    });
  }

  /** Ends the session on the server, whichever way it was presented, and clears the console's cookie. */
  private void logout(RoutingContext ctx) {
    Responses.reply(ctx, auth.logout(Requests.token(ctx)), v -> {
      SessionCookie.clear(ctx);
      return Responses.noContent(ctx);
    });
  }

  private void me(RoutingContext ctx) {
    Responses.ok(ctx, AccountView.of(Requests.caller(ctx).account()));
  }
}
