package fr.aiguillage.ical.http;

import fr.aiguillage.agenda.model.ImportResult;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.ical.AvailabilityImport;
import fr.aiguillage.ical.FeedAccess;
import fr.aiguillage.ical.FeedService;
import fr.aiguillage.ical.Subscriptions;
import fr.aiguillage.ical.model.FeedSettings;
import fr.aiguillage.ical.model.Privacy;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * Feed URLs and settings, availability import and subscription under {@code /api/v1/professionals/{id}};
 * the feed itself at {@code GET /ical/{token}.ics}, outside the JSON API (no session: the token is the key).
 */
public final class CalendarRoutes {

  record SettingsRequest(Privacy privacy, Boolean showFreeSlots) {
  }

  record SubscriptionRequest(String url, UUID siteId, Integer slotMinutes) {
  }

  private final FeedAccess feeds;
  private final FeedService service;
  private final AvailabilityImport imports;
  private final Subscriptions subscriptions;
  private final long importMaxBytes;

  public CalendarRoutes(FeedAccess feeds, FeedService service, AvailabilityImport imports, Subscriptions subscriptions,
                        long importMaxBytes) {
    this.feeds = feeds;
    this.service = service;
    this.imports = imports;
    this.subscriptions = subscriptions;
    this.importMaxBytes = importMaxBytes;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("issueCalendarFeed").addHandler(this::issue);
    api.getRoute("revokeCalendarFeed").addHandler(this::revoke);
    api.getRoute("getCalendarSettings").addHandler(this::currentSettings);
    api.getRoute("putCalendarSettings").addHandler(this::settings);
    // text/calendar is not a media type vertx-openapi 5.0 validates; this operation checks its own input.
    api.getRoute("importAvailability").setDoValidation(false).addHandler(this::upload);
    api.getRoute("putSubscription").addHandler(this::subscribe);
    api.getRoute("getSubscription").addHandler(this::subscription);
  }

  public void mountFeed(Router router) {
    router.get("/ical/:file").handler(this::feed);
  }

  private void issue(RoutingContext ctx) {
    Responses.reply(ctx, feeds.issue(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        url -> Responses.send(ctx, 201, Map.of("url", url)));
  }

  private void revoke(RoutingContext ctx) {
    Responses.reply(ctx, feeds.revoke(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        v -> Responses.noContent(ctx));
  }

  private void currentSettings(RoutingContext ctx) {
    Responses.reply(ctx, feeds.settings(Requests.caller(ctx), Requests.pathUuid(ctx, "id")), s -> Responses.ok(ctx, s));
  }

  private void settings(RoutingContext ctx) {
    SettingsRequest r = Requests.body(ctx, SettingsRequest.class);
    FeedSettings settings = new FeedSettings(r.privacy() == null ? Privacy.NONE : r.privacy(),
        Boolean.TRUE.equals(r.showFreeSlots()));
    Responses.reply(ctx, feeds.configure(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), settings),
        s -> Responses.ok(ctx, s));
  }

  private void upload(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("text/calendar")) {
      throw new Invalid("Content-Type", "send the calendar as text/calendar");
    }
    if (ctx.body().length() > importMaxBytes) {
      throw new Invalid("body", "a calendar of at most 2 MiB");
    }
    UUID siteId = Requests.queryUuid(ctx, "siteId");
    if (siteId == null) {
      throw new Invalid("siteId", "required: the site the slots are at");
    }
    int minutes = slotMinutes(Requests.query(ctx, "slotMinutes"));
    Responses.reply(ctx, imports.upload(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), siteId, minutes,
        ctx.body().asString(StandardCharsets.UTF_8.name())), (ImportResult r) -> Responses.ok(ctx, r));
  }

  private void subscribe(RoutingContext ctx) {
    SubscriptionRequest r = Requests.body(ctx, SubscriptionRequest.class);
    Responses.reply(ctx, subscriptions.subscribe(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), r.url(),
        r.siteId(), r.slotMinutes() == null ? 20 : r.slotMinutes()), s -> Responses.ok(ctx, s));
  }

  private void subscription(RoutingContext ctx) {
    Responses.reply(ctx, subscriptions.find(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        s -> Responses.ok(ctx, s));
  }

  private void feed(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    if (file == null || !file.endsWith(".ics")) {
      ctx.fail(404);
      return;
    }
    String token = file.substring(0, file.length() - 4);
    service.serve(token, ctx.request().getHeader("If-None-Match")).onSuccess(answer -> {
      if (answer.status() == 404 || answer.status() == 429) {
        ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", "text/plain; charset=utf-8")
            .end(answer.status() == 404 ? "Not found" : "Too many requests");
        return;
      }
      String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
          answer.lastModified().atZone(java.time.ZoneOffset.UTC));
      ctx.response().putHeader("ETag", answer.etag()).putHeader("Last-Modified", lastModified)
          .putHeader("Cache-Control", "private, max-age=0");
      if (answer.status() == 304 || notModifiedSince(ctx, answer)) {
        ctx.response().setStatusCode(304).end();
        return;
      }
      ctx.response().putHeader("Content-Type", "text/calendar; charset=utf-8").end(answer.body());
    }).onFailure(ctx::fail);
  }

  private static boolean notModifiedSince(RoutingContext ctx, FeedService.Answer answer) {
    String since = ctx.request().getHeader("If-Modified-Since");
    if (since == null || ctx.request().getHeader("If-None-Match") != null) {
      return false;
    }
    try {
      return !answer.lastModified().isAfter(java.time.ZonedDateTime.parse(since,
          DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static int slotMinutes(String raw) {
    try {
      return raw == null ? 20 : Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new Invalid("slotMinutes", "a number of minutes");
    }
  }
}
