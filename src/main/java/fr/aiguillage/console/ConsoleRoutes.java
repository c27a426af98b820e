package fr.aiguillage.console;

import fr.aiguillage.config.AppConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.time.Clock;

/**
 * Serves the console from the jar: {@code /} (webroot/), {@code /webjars/*} (libraries packaged as WebJars),
 * {@code /console/settings.json} (what the pages need to know: the map tiles, the service's time). Mounted last: a path that is
 * no file falls through to the usual problem+json 404.
 */
public final class ConsoleRoutes {

  private static final int CACHE_SECONDS = 300;

  private final AppConfig.Console settings;
  private final Clock clock;

  public ConsoleRoutes(AppConfig.Console settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.route().order(-1).handler(new SecurityHeaders(settings.tileUrl()));
    router.get("/console/settings.json").handler(this::settings);
    router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars")
        .setMaxAgeSeconds(CACHE_SECONDS));
    router.get("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html")
        .setMaxAgeSeconds(CACHE_SECONDS));
  }

  private void settings(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(new JsonObject()
        .put("tileUrl", settings.tileUrl()).put("tileAttribution", settings.tileAttribution())
        // the service's "now": waiting times are counted on the service's clock, not the workstation's
        .put("serverTime", clock.instant().toString()).toBuffer());
  }
}
