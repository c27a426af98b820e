package fr.aiguillage.notify;

import fr.aiguillage.agenda.AgendaAccess;
import fr.aiguillage.booking.AppointmentService;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.notify.model.JournalEntry;
import fr.aiguillage.notify.model.NoticeSettings;
import fr.aiguillage.notify.model.Notification;
import fr.aiguillage.notify.store.JournalStore;
import fr.aiguillage.notify.store.OutboxStore;
import fr.aiguillage.notify.store.SettingsStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What the staff may read and set: the messages of an appointment (whoever may see the appointment), the
 * local journal (coordinators and operators, their territories), a professional's e-mail choice.
 */
public final class NotificationService {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final AppointmentService appointments;
  private final AgendaAccess access;
  private final OutboxStore outbox = new OutboxStore();
  private final JournalStore journal = new JournalStore();
  private final SettingsStore settings = new SettingsStore();

  NotificationService(Pool pool, Clock clock, AuditTrail audit, AppointmentService appointments,
                      AgendaAccess access) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.appointments = appointments;
    this.access = access;
  }

  /** Checked and audited as a read of the appointment, then its messages (recipients included). */
  public Future<List<Notification>> ofAppointment(Caller caller, UUID appointmentId) {
    return appointments.get(caller, appointmentId).compose(a -> outbox.ofAppointment(pool, a.id()));
  }

  public Future<List<JournalEntry>> journal(Caller caller, String territoryId, Long beforeId, int limit) {
    if (!caller.hasAny(Role.COORDINATOR, Role.OPERATOR)) {
      return Future.failedFuture(new Forbidden("the journal is for the secretariat"));
    }
    if (territoryId != null && !caller.covers(territoryId)) {
      return Future.failedFuture(new Forbidden("this territory is not yours"));
    }
    List<String> territories = territoryId != null ? List.of(territoryId) : caller.account().territories();
    return journal.latest(pool, territories, beforeId, limit).compose(found -> audit.record(AuditEvent.of(caller,
        "notification.journal.read", "notification_journal", null, territoryId)).map(found));
  }

  public Future<NoticeSettings> configure(Caller caller, UUID professionalId, NoticeSettings wanted) {
    return access.toManage(caller, professionalId).compose(pro -> pool.withTransaction(tx ->
        settings.put(tx, pro.id(), wanted, clock.instant())
            .compose(v -> audit.record(tx, AuditEvent.of(caller, "notification.settings.update", "professional",
                pro.id(), null)))).map(wanted));
  }
}
