package fr.aiguillage.ical;

import fr.aiguillage.agenda.AgendaAccess;
import fr.aiguillage.ical.model.FeedSettings;
import fr.aiguillage.ical.store.CalendarStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.Tokens;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.UUID;

/**
 * Feed URLs and settings, for the professional or a coordinator of their territory (the agenda's rule).
 * The token (256 random bits) is shown once, in the URL; only its hash is stored.
 */
public final class FeedAccess {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final AgendaAccess access;
  private final String publicBaseUrl;
  private final CalendarStore store = new CalendarStore();

  public FeedAccess(Pool pool, Clock clock, AuditTrail audit, AgendaAccess access, String publicBaseUrl) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.access = access;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** Creates or rotates the feed; returns its URL. */
  public Future<String> issue(Caller caller, UUID professionalId) {
    String token = Tokens.newToken();
    return access.toManage(caller, professionalId).compose(p -> pool.withTransaction(tx ->
            store.putToken(tx, professionalId, Tokens.hash(token), clock.instant())
                .compose(v -> audit.record(tx, AuditEvent.of(caller, "calendar.feed.issue", "professional",
                    professionalId, p.territories().isEmpty() ? null : p.territories().get(0))))))
        .map(v -> publicBaseUrl + "/ical/" + token + ".ics");
  }

  public Future<Void> revoke(Caller caller, UUID professionalId) {
    return access.toManage(caller, professionalId).compose(p -> pool.withTransaction(tx ->
        store.deleteToken(tx, professionalId).compose(v -> audit.record(tx, AuditEvent.of(caller,
            "calendar.feed.revoke", "professional", professionalId, null)))));
  }

  /** What the feed shows now (no patient data in it, so not audited). */
  public Future<FeedSettings> settings(Caller caller, UUID professionalId) {
    return access.toManage(caller, professionalId)
        .compose(p -> store.settings(pool, professionalId)).map(CalendarStore.StoredSettings::settings);
  }

  /** Privacy level and free slots; the choice is audited (it decides what a third-party calendar sees). */
  public Future<FeedSettings> configure(Caller caller, UUID professionalId, FeedSettings settings) {
    return access.toManage(caller, professionalId).compose(p -> pool.withTransaction(tx ->
            store.putSettings(tx, professionalId, settings, clock.instant())
                .compose(v -> audit.record(tx, AuditEvent.of(caller, "calendar.settings", "professional",
                    professionalId, null).withDetail("privacy " + settings.privacy().wire() + ", free slots "
                    + settings.showFreeSlots())))))
        .map(settings);
  }
}
