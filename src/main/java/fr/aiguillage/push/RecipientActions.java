package fr.aiguillage.push;

import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.push.model.AnonymousView;
import fr.aiguillage.push.model.PushBodies;
import fr.aiguillage.push.model.PushRequest;
import fr.aiguillage.push.model.PushStatus;
import fr.aiguillage.push.store.RecipientStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The recipients' side, by session or by link: their open requests, one request (marks it seen), decline. Every view
 * is the anonymous one. A link is resolved here: unknown or altered, expired, or presented with another account's
 * session, it is refused.
 */
public final class RecipientActions {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final EventLog events;
  private final ProfessionalService professionals;
  private final PushViews views;
  private final RecipientStore recipients = new RecipientStore();

  RecipientActions(Pool pool, Clock clock, AuditTrail audit, EventLog events, ProfessionalService professionals,
                   PushViews views) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
    this.professionals = professionals;
    this.views = views;
  }

  /** The professional a session speaks for. */
  public static Recipient of(Caller caller) {
    if (!caller.has(Role.PROFESSIONAL) || caller.account().professionalId() == null) {
      throw new Forbidden("push requests are answered by professionals' accounts");
    }
    return new Recipient(caller.account().professionalId(), caller.accountId(), caller.clientIp(), false);
  }

  /** The request and professional a link names; {@code caller} is the session that came with it, if any. */
  public Future<Link> link(String token, Caller caller) {
    byte[] hash = PushLinks.hashOfPresented(token).orElse(null);
    if (hash == null) {
      return Future.failedFuture(PushFailure.linkUnknown());
    }
    return recipients.byToken(pool, hash).compose(found -> {
      RecipientStore.Held held = found.orElseThrow(PushFailure::linkUnknown);
      if (caller != null && !held.professionalId().equals(caller.account().professionalId())) {
        return Future.failedFuture(PushFailure.linkNotYours());
      }
      return views.bare(pool, held.requestId()).map(r -> {
        if (!clock.instant().isBefore(r.deadline().toInstant())) {
          throw PushFailure.linkExpired();
        }
        return new Link(held.requestId(), new Recipient(held.professionalId(),
            caller == null ? null : caller.accountId(), caller == null ? null : caller.clientIp(), true));
      });
    });
  }

  /** A link resolved: which request, which recipient. */
  public record Link(UUID requestId, Recipient recipient) {
  }

  public Future<List<AnonymousView>> mine(Recipient who) {
    return recipients.openFor(pool, who.professionalId(), 100)
        .compose(ids -> Future.all(ids.stream().map(id -> anonymous(who, id)).toList()))
        .map(all -> all.<AnonymousView>list());
  }

  /** One request as its recipient sees it; the first sight is recorded and shown to the senders. */
  public Future<AnonymousView> view(Recipient who, UUID id) {
    Instant now = clock.instant();
    return held(who, id).compose(held -> views.bare(pool, id).compose(r -> me(who)
        .map(pro -> PushViews.anonymous(r, held, pro))
        .compose(view -> recipients.markSeen(pool, id, who.professionalId(), now)
            .compose(first -> first ? pool.withTransaction(tx -> events.append(tx, "push.seen", r.territoryId(),
                Map.of("requestId", id, "professionalId", who.professionalId()))).mapEmpty() : Future.succeededFuture())
            .compose(v -> audit.record(event(who, "push.view", id, r.territoryId())))
            .map(view))));
  }

  public Future<Void> decline(Recipient who, UUID id, PushBodies.ReasonRequest body) {
    Instant now = clock.instant();
    String reason = body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
    return held(who, id).compose(held -> views.bare(pool, id)).compose(r -> pool.withTransaction(tx ->
        recipients.decline(tx, id, who.professionalId(), reason, now).compose(first -> first
            ? events.append(tx, "push.declined", r.territoryId(), reasonPayload(id, who, reason)).mapEmpty()
            : Future.<Void>succeededFuture())
            .compose(v -> audit.record(tx, event(who, "push.decline", id, r.territoryId())))));
  }

  private static Map<String, Object> reasonPayload(UUID id, Recipient who, String reason) {
    return reason == null ? Map.of("requestId", id, "professionalId", who.professionalId())
        : Map.of("requestId", id, "professionalId", who.professionalId(), "reason", reason);
  }

  Future<RecipientStore.Held> held(Recipient who, UUID id) {
    return recipients.find(pool, id, who.professionalId())
        .map(found -> found.orElseThrow(PushFailure::notRecipient));
  }

  private Future<AnonymousView> anonymous(Recipient who, UUID id) {
    return held(who, id).compose(held -> views.bare(pool, id).compose(r -> me(who)
        .map(pro -> PushViews.anonymous(r, held, pro))));
  }

  Future<Professional> me(Recipient who) {
    return professionals.findForService(who.professionalId()).map(found -> found.orElseThrow(
        PushFailure::notRecipient));
  }

  static AuditEvent event(Recipient who, String action, UUID id, String territoryId) {
    return new AuditEvent(null, null, who.accountId(), action, "push_request", id.toString(), territoryId,
        who.clientIp(),
        AuditEvent.Outcome.SUCCESS, "professional " + who.professionalId() + (who.throughLink() ? " (link)" : ""));
  }

  static boolean open(PushRequest r) {
    return r.status() == PushStatus.OPEN;
  }
}
