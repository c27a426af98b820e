package fr.aiguillage.push;

import fr.aiguillage.events.EventLog;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.push.model.PushRequest;
import fr.aiguillage.push.model.PushStatus;
import fr.aiguillage.push.store.PushStore;
import fr.aiguillage.push.store.RecipientStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The senders' side after sending: list, read (audited), widen now, withdraw. Only in the caller's territories. */
public final class SenderActions {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final EventLog events;
  private final Rings rings;
  private final PushViews views;
  private final PushStore store = new PushStore();
  private final RecipientStore recipients = new RecipientStore();

  SenderActions(Pool pool, Clock clock, AuditTrail audit, EventLog events, Rings rings, PushViews views) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
    this.rings = rings;
    this.views = views;
  }

  public Future<List<PushRequest>> list(Caller caller, PushStatus status, int limit) {
    requireSender(caller);
    return store.list(pool, caller.account().territories(), status, limit)
        .compose(found -> Future.all(found.stream().map(r -> recipients.ofRequest(pool, r.id())
                .map(asked -> views.named(r).withRecipients(asked))).toList())
            .map(all -> all.<PushRequest>list()))
        .compose(found -> audit.record(AuditEvent.of(caller, "push.list", "push_request", null,
            caller.account().territories().size() == 1 ? caller.account().territories().get(0) : null)).map(found));
  }

  public Future<PushRequest> get(Caller caller, UUID id) {
    requireSender(caller);
    return views.full(pool, id).map(r -> visible(caller, r))
        .compose(r -> audit.record(AuditEvent.of(caller, "push.read", "push_request", id, r.territoryId())).map(r));
  }

  public Future<PushRequest> widen(Caller caller, UUID id) {
    requireSender(caller);
    Instant now = clock.instant();
    return pool.withTransaction(tx -> locked(tx, caller, id).compose(r -> (r.currentRing() >= Rings.LAST
            ? Future.succeededFuture(r.currentRing())
            : rings.ask(tx, views.named(r), r.currentRing() + 1, now))
        .compose(ring -> events.append(tx, "push.widened", r.territoryId(), Map.of("requestId", id, "ring", ring,
            "by", caller.accountId())).map(ring))
        .compose(ring -> audit.record(tx, AuditEvent.of(caller, "push.widen", "push_request", id, r.territoryId())
            .withDetail("ring " + ring)))))
        .compose(v -> views.full(pool, id));
  }

  public Future<PushRequest> withdraw(Caller caller, UUID id, String reason) {
    requireSender(caller);
    Instant now = clock.instant();
    String why = reason == null || reason.isBlank() ? "WITHDRAWN" : reason.trim();
    return pool.withTransaction(tx -> locked(tx, caller, id)
            .compose(r -> store.end(tx, id, PushStatus.WITHDRAWN, why, now)
                .compose(v -> closed(tx, events, r, "push.withdrawn", Map.of("reason", why)))
                .compose(v -> audit.record(tx, AuditEvent.of(caller, "push.withdraw", "push_request", id,
                    r.territoryId())))))
        .compose(v -> views.full(pool, id));
  }

  /** The open request, locked, in the caller's territories. */
  private Future<PushRequest> locked(SqlClient tx, Caller caller, UUID id) {
    return store.find(tx, id, true).map(found -> {
      PushRequest r = visible(caller, found.orElseThrow(() -> new NotFound("push request " + id)));
      if (r.status() != PushStatus.OPEN) {
        throw PushFailure.closed();
      }
      return r;
    });
  }

  /** The operators' event, then {@code push.closed} for every recipient's stream and page. */
  static Future<Void> closed(SqlClient tx, EventLog events, PushRequest r, String type, Map<String, Object> extra) {
    Map<String, Object> payload = new HashMap<>(extra);
    payload.put("requestId", r.id());
    return events.append(tx, type, r.territoryId(), payload)
        .compose(v -> new RecipientStore().professionalsOf(tx, r.id()))
        .compose(ids -> events.append(tx, "push.closed", r.territoryId(), Map.of("requestId", r.id(),
            "status", type.substring("push.".length()).toUpperCase(java.util.Locale.ROOT),
            "professionalIds", ids.stream().map(UUID::toString).toList())))
        .mapEmpty();
  }

  private static PushRequest visible(Caller caller, PushRequest r) {
    if (!caller.covers(r.territoryId())) {
      throw new NotFound("push request " + r.id());
    }
    return r;
  }

  static void requireSender(Caller caller) {
    if (!caller.hasAny(Role.OPERATOR, Role.ORIENTER, Role.COORDINATOR)) {
      throw new Forbidden("push requests are for the secretariat and orienting professionals");
    }
  }
}
