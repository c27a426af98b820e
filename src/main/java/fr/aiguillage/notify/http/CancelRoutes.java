package fr.aiguillage.notify.http;

import fr.aiguillage.notify.CancelPage;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The patient's cancellation page, outside the JSON API (the signed link is the key): {@code GET} shows,
 * {@code POST} cancels. Strict CSP (no script at all, styles only from this service), no referrer (the link
 * must not leak), never cached.
 */
public final class CancelRoutes {

  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
      + " frame-ancestors 'none'; base-uri 'none'";

  private final CancelPage page;
  private final Buffer stylesheet;

  public CancelRoutes(CancelPage page, Buffer stylesheet) {
    this.page = page;
    this.stylesheet = stylesheet;
  }

  public void mount(Router router) {
    router.get("/annulation.css").handler(this::style);
    router.get("/annulation/:token").handler(this::show);
    router.post("/annulation/:token").handler(this::cancel);
  }

  private void show(RoutingContext ctx) {
    page.show(ctx.pathParam("token")).onSuccess(p -> write(ctx, p)).onFailure(ctx::fail);
  }

  private void cancel(RoutingContext ctx) {
    page.cancel(ctx.pathParam("token")).onSuccess(p -> write(ctx, p)).onFailure(ctx::fail);
  }

  private void style(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/css; charset=utf-8")
        .putHeader("Cache-Control", "public, max-age=3600").end(stylesheet);
  }

  private static void write(RoutingContext ctx, CancelPage.Page p) {
    ctx.response().setStatusCode(p.status()).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", CSP).putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Robots-Tag", "noindex").end(p.html());
  }
}
