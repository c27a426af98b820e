package fr.aiguillage.security.http;

import fr.aiguillage.security.AccountAdministration;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code GET /api/v1/accounts}, {@code POST /api/v1/accounts/{id}/deactivate} and {@code .../password-reset}. */
public final class AccountAdminRoutes {

  record AccountList(java.util.List<fr.aiguillage.security.store.AccountAdminStore.ManagedAccount> items) {
  }

  record PasswordReset(String password) {
  }

  private final AccountAdministration accounts;

  public AccountAdminRoutes(AccountAdministration accounts) {
    this.accounts = accounts;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listAccounts").addHandler(this::list);
    api.getRoute("deactivateAccount").addHandler(this::deactivate);
    api.getRoute("resetAccountPassword").addHandler(this::reset);
  }

  private void list(RoutingContext ctx) {
    Responses.reply(ctx, accounts.list(Requests.caller(ctx)), items -> Responses.ok(ctx, new AccountList(items)));
  }

  private void deactivate(RoutingContext ctx) {
    Responses.reply(ctx, accounts.deactivate(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        a -> Responses.ok(ctx, a));
  }

  private void reset(RoutingContext ctx) {
    PasswordReset body = Requests.body(ctx, PasswordReset.class);
    Responses.reply(ctx, accounts.resetPassword(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), body.password()),
        a -> Responses.ok(ctx, a));
  }
}
