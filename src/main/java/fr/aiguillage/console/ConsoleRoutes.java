package fr.aiguillage.console;

import fr.aiguillage.config.AppConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Serves the console from the jar: {@code /} (webroot/), {@code /webjars/*} (libraries packaged as WebJars),
 * {@code /demande/<token>} (the phone page of a push request's link), {@code /console/settings.json} (what the
 * pages need to know: the map tiles, the service's time). Mounted last: a path that is no file falls through to the usual problem+json 404.
 */
public final class ConsoleRoutes {

  private static final int CACHE_SECONDS = 300;

  /**
   * What a console file's path can look like: webroot/ is flat, a WebJar file sits a few folders down. Vert.x
   * resolves a static file under one lock for the whole server: a name it cannot find sends it up the path's
   * folders on the whole class path, and copies the webroot folder into its cache again, every time. GETs of
   * unknown paths queued every other static request behind that lock for seconds (the contract fuzzer's stall,
   * issue 21); other paths now go straight to the 404.
   */
  private static final String WEBROOT_FILE = "/([A-Za-z0-9][A-Za-z0-9_-]{0,99}\\.(html|js|css|svg|png|ico|json))?";
  /** A push request's link (issue 23): one path segment, whatever it holds; the page asks the API what it is worth. */
  private static final String PUSH_LINK_PAGE = "/demande/[^/]{1,200}";
  private static final Pattern WEBJAR_FILE = Pattern.compile("/webjars(/[A-Za-z0-9][A-Za-z0-9._-]{0,99}){2,6}");

  private final AppConfig.Console settings;
  private final Clock clock;

  public ConsoleRoutes(AppConfig.Console settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.route().order(-1).handler(new SecurityHeaders(settings.tileUrl()));
    router.get("/console/settings.json").handler(this::settings);
    router.get("/webjars/*").handler(ctx -> onlyIf(WEBJAR_FILE, ctx))
        .handler(StaticHandler.create("META-INF/resources/webjars")
        .setMaxAgeSeconds(CACHE_SECONDS));
    router.getWithRegex(PUSH_LINK_PAGE).handler(ConsoleRoutes::pushLinkPage);
    router.getWithRegex(WEBROOT_FILE).handler(StaticHandler.create("webroot").setIndexPage("index.html")
        .setMaxAgeSeconds(CACHE_SECONDS));
  }

  /**
   * The phone page of a push request's link, the same for every token: the token is a credential, so the page is
   * never cached and its address never leaves in a Referer.
   */
  private static void pushLinkPage(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Referrer-Policy", "no-referrer")
        .sendFile("webroot/demande.html");
  }

  /** No other route lies under /webjars/: a path that cannot name a file there is 404 at once. */
  private static void onlyIf(Pattern file, RoutingContext ctx) {
    if (file.matcher(ctx.normalizedPath()).matches()) {
      ctx.next();
    } else {
      ctx.fail(404);
    }
  }

  private void settings(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(new JsonObject()
        .put("tileUrl", settings.tileUrl()).put("tileAttribution", settings.tileAttribution())
        // the service's "now": waiting times are counted on the service's clock, not the workstation's
        .put("serverTime", clock.instant().toString()).toBuffer());
  }
}
