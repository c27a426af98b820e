package fr.aiguillage.security.http;

import fr.aiguillage.security.AccountService;
import fr.aiguillage.security.model.NewAccount;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code /api/v1/accounts}. */
public final class AccountRoutes {

  private final AccountService accounts;

  public AccountRoutes(AccountService accounts) {
    this.accounts = accounts;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("createAccount").addHandler(this::create);
  }

  private void create(RoutingContext ctx) {
    NewAccount request = Requests.body(ctx, NewAccount.class);
    Responses.reply(ctx, accounts.create(Requests.caller(ctx), request), account ->
        Responses.created(ctx, "/api/v1/accounts/" + account.id(), AccountView.of(account)));
  }
}
