package fr.aiguillage.push;

import fr.aiguillage.agenda.SlotSearch;
import fr.aiguillage.agenda.model.SearchRequest;
import fr.aiguillage.agenda.model.SearchResult;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.push.model.PushRequest;
import fr.aiguillage.push.model.PushStatus;
import fr.aiguillage.push.store.PushStore;
import fr.aiguillage.security.model.Account;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The requests' clock, run every {@code push.jobSeconds} on the injected Clock: a request whose next ring is due is
 * widened; one whose alert is due (the last ring's delay passed, or the deadline minus
 * {@code push.alertBeforeDeadlineMinutes}) ends EXPIRED and the operators are alerted ({@code push.unanswered}: who
 * was asked with their phones, and the overbooking candidates of the slot search). Rows are locked with SKIP LOCKED:
 * two instances never handle one request twice.
 */
final class PushJob {

  private static final int BATCH = 50;

  private final Pool pool;
  private final Clock clock;
  private final EventLog events;
  private final Rings rings;
  private final PushViews views;
  private final SlotSearch search;
  private final PushStore store = new PushStore();

  PushJob(Pool pool, Clock clock, EventLog events, Rings rings, PushViews views, SlotSearch search) {
    this.pool = pool;
    this.clock = clock;
    this.events = events;
    this.rings = rings;
    this.views = views;
    this.search = search;
  }

  /** One run; how many requests it moved on. */
  Future<Integer> runOnce() {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> store.due(tx, now, BATCH).compose(ids -> {
      Future<Void> chain = Future.succeededFuture();
      for (UUID id : ids) {
        chain = chain.compose(v -> views.full(tx, id).compose(r -> step(tx, r, now)));
      }
      return chain.map(ids.size());
    }));
  }

  private Future<Void> step(SqlClient tx, PushRequest r, Instant now) {
    if (!r.alertAt().toInstant().isAfter(now)) {
      return unanswered(tx, r, now);
    }
    return rings.ask(tx, r, r.currentRing() + 1, now).mapEmpty();
  }

  private Future<Void> unanswered(SqlClient tx, PushRequest r, Instant now) {
    boolean nearDeadline = r.nextRingAt() != null || r.currentRing() < Rings.LAST;
    String reason = nearDeadline ? "DEADLINE_NEAR" : "NO_ACCEPTANCE";
    return candidates(r, now).compose(found -> {
      Map<String, Object> alert = new HashMap<>();
      alert.put("requestId", r.id());
      alert.put("sentBy", r.sentBy());
      alert.put("reason", reason);
      alert.put("deadline", r.deadline().toString());
      alert.put("asked", r.recipients());
      alert.put("overbookingCandidates", found);
      return store.end(tx, r.id(), PushStatus.EXPIRED, reason, now)
          .compose(v -> events.append(tx, "push.unanswered", r.territoryId(), alert))
          .compose(v -> SenderActions.closed(tx, events, r, "push.expired", Map.of("reason", reason)));
    });
  }

  /** What the slot search offers for overbooking near the patient, searched as the sender would. */
  private Future<List<SearchResult.Candidate>> candidates(PushRequest r, Instant now) {
    Duration left = Duration.between(now, r.deadline().toInstant());
    Duration within = left.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1)
        : left.compareTo(Duration.ofDays(7)) > 0 ? Duration.ofDays(7) : left;
    Caller sender = new Caller(new Account(r.sentBy(), "push-alert", List.of(Role.OPERATOR),
        List.of(r.territoryId()), null), "push-job");
    return search.search(sender, new SearchRequest(r.communeInsee(), null, null, r.profession(), r.skill(),
            List.of(SlotKind.SNP), within, 30, 10, now, false))
        .map(SearchResult::overbookingCandidates)
        .otherwise(List.of());
  }
}
