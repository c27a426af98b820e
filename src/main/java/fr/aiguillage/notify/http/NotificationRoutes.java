package fr.aiguillage.notify.http;

import fr.aiguillage.failure.Invalid;
import fr.aiguillage.notify.NotificationService;
import fr.aiguillage.notify.model.JournalEntry;
import fr.aiguillage.notify.model.NoticeSettings;
import fr.aiguillage.notify.model.Notification;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.List;

/** {@code /api/v1/appointments/{id}/notifications}, {@code /api/v1/notification-journal}, a professional's choice. */
public final class NotificationRoutes {

  record NotificationList(List<Notification> items) {
  }

  record JournalPage(List<JournalEntry> items) {
  }

  record SettingsRequest(Boolean emailBookings) {
  }

  private final NotificationService notifications;

  public NotificationRoutes(NotificationService notifications) {
    this.notifications = notifications;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listAppointmentNotifications").addHandler(this::ofAppointment);
    api.getRoute("readNotificationJournal").addHandler(this::journal);
    api.getRoute("putNotificationSettings").addHandler(this::settings);
  }

  private void ofAppointment(RoutingContext ctx) {
    Responses.reply(ctx, notifications.ofAppointment(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        found -> Responses.ok(ctx, new NotificationList(found)));
  }

  private void journal(RoutingContext ctx) {
    String before = Requests.query(ctx, "before");
    Long beforeId;
    try {
      beforeId = before == null ? null : Long.valueOf(before);
    } catch (NumberFormatException e) {
      throw new Invalid("before", "an entry id");
    }
    Responses.reply(ctx, notifications.journal(Requests.caller(ctx), Requests.query(ctx, "territoryId"), beforeId,
        Requests.queryInt(ctx, "limit", 100)), found -> Responses.ok(ctx, new JournalPage(found)));
  }

  private void settings(RoutingContext ctx) {
    SettingsRequest r = Requests.body(ctx, SettingsRequest.class);
    Responses.reply(ctx, notifications.configure(Requests.caller(ctx), Requests.pathUuid(ctx, "id"),
        new NoticeSettings(Boolean.TRUE.equals(r.emailBookings()))), s -> Responses.ok(ctx, s));
  }
}
