package fr.aiguillage.notify;

import fr.aiguillage.booking.AppointmentNotices;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.notify.model.Channel;
import fr.aiguillage.notify.model.NoticeKind;
import fr.aiguillage.notify.store.OutboxStore;
import fr.aiguillage.notify.store.OutboxStore.NewNotice;
import fr.aiguillage.notify.store.SettingsStore;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.NotificationChannel;
import fr.aiguillage.patient.model.Patient;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox: called inside the booking's (or cancellation's) transaction, it writes the
 * messages that event calls for, so they exist if and only if the event commits. Nothing for a patient
 * without consent, nothing for a slot already started; the professional only if they asked for e-mails.
 */
public final class Outbox implements AppointmentNotices {

  private final PatientService patients;
  private final Reminders reminders;
  private final OutboxStore store = new OutboxStore();
  private final SettingsStore settings = new SettingsStore();

  public Outbox(PatientService patients, Reminders reminders) {
    this.patients = patients;
    this.reminders = reminders;
  }

  @Override
  public Future<Void> booked(SqlClient tx, Appointment a, Instant now) {
    Instant start = a.slot().start().toInstant();
    if (!start.isAfter(now)) {
      return Future.succeededFuture();
    }
    return patientChannel(tx, a).compose(channel -> professionalWants(tx, a).compose(pro -> {
      List<NewNotice> notices = new ArrayList<>();
      channel.ifPresent(c -> {
        notices.add(notice(a, NoticeKind.CONFIRMATION, c, now));
        reminders.due(now, start).ifPresent(due -> notices.add(notice(a, NoticeKind.REMINDER, c, due)));
      });
      if (pro) {
        notices.add(notice(a, NoticeKind.PRO_BOOKING, Channel.EMAIL, now));
      }
      return store.insert(tx, notices, now);
    }));
  }

  @Override
  public Future<Void> cancelled(SqlClient tx, Appointment a, Instant now) {
    Future<Void> unsent = store.skipPending(tx, a.id(), List.of(NoticeKind.CONFIRMATION, NoticeKind.REMINDER),
        "appointment cancelled");
    if (!a.slot().start().toInstant().isAfter(now)) {
      return unsent;
    }
    return unsent.compose(v -> patientChannel(tx, a)).compose(channel -> professionalWants(tx, a).compose(pro -> {
      List<NewNotice> notices = new ArrayList<>();
      channel.ifPresent(c -> notices.add(notice(a, NoticeKind.CANCELLATION, c, now)));
      if (pro) {
        notices.add(notice(a, NoticeKind.PRO_CANCELLATION, Channel.EMAIL, now));
      }
      return store.insert(tx, notices, now);
    }));
  }

  /**
   * A move: the old appointment's pending confirmation and reminder are dropped; the patient gets one "moved" message
   * (not a cancellation and a confirmation) and the new reminder; the professional(s) a CANCEL for the old and a
   * REQUEST for the new, as their calendars expect.
   */
  @Override
  public Future<Void> moved(SqlClient tx, Appointment from, Appointment to, Instant now) {
    Instant start = to.slot().start().toInstant();
    return store.skipPending(tx, from.id(), List.of(NoticeKind.CONFIRMATION, NoticeKind.REMINDER), "appointment moved")
        .compose(v -> patientChannel(tx, to)).compose(channel -> professionalWants(tx, from)
            .compose(proFrom -> professionalWants(tx, to).compose(proTo -> {
              List<NewNotice> notices = new ArrayList<>();
              channel.ifPresent(c -> {
                notices.add(notice(to, NoticeKind.MOVED, c, now));
                reminders.due(now, start).ifPresent(due -> notices.add(notice(to, NoticeKind.REMINDER, c, due)));
              });
              if (proFrom && from.slot().start().toInstant().isAfter(now)) {
                notices.add(notice(from, NoticeKind.PRO_CANCELLATION, Channel.EMAIL, now));
              }
              if (proTo) {
                notices.add(notice(to, NoticeKind.PRO_BOOKING, Channel.EMAIL, now));
              }
              return store.insert(tx, notices, now);
            })));
  }

  /** The channel the patient consented to, if any. */
  private Future<Optional<Channel>> patientChannel(SqlClient tx, Appointment a) {
    return patients.forNoticeIn(tx, a.patientId()).map(found -> found.filter(Patient::wantsNotifications)
        .map(p -> p.notificationChannel() == NotificationChannel.EMAIL ? Channel.EMAIL : Channel.SMS));
  }

  private Future<Boolean> professionalWants(SqlClient tx, Appointment a) {
    return settings.of(tx, a.professionalId()).map(s -> s.emailBookings());
  }

  private static NewNotice notice(Appointment a, NoticeKind kind, Channel channel, Instant due) {
    return new NewNotice(a.id(), a.territoryId(), kind, channel, due);
  }
}
