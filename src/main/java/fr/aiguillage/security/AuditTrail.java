package fr.aiguillage.security;

import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.AuditQuery;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.security.store.AuditStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.util.List;

/**
 * The append-only record of who read or changed what. Writers pass their transaction so the
 * audit row commits (or not) with the change it describes; rows outside any transaction are written in
 * groups ({@link AuditBatch}), each caller waiting for its own row's commit.
 */
public final class AuditTrail {

  private final Pool pool;
  private final AuditStore store = new AuditStore();
  private final AuditBatch outsideTransactions;
  private final Clock clock;

  public AuditTrail(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
    this.outsideTransactions = new AuditBatch(pool, store);
  }

  public Future<Void> record(SqlClient db, AuditEvent event) {
    return store.insert(db, event, clock.instant());
  }

  /** A row of its own (a read, a refusal): committed with others arriving at the same time. */
  public Future<Void> record(AuditEvent event) {
    return outsideTransactions.add(event, clock.instant());
  }

  /** ADMIN reads everything; a COORDINATOR the rows of their territories. */
  public Future<List<AuditEvent>> find(Caller caller, AuditQuery query) {
    if (!caller.hasAny(Role.ADMIN, Role.COORDINATOR)) {
      return Future.failedFuture(new Forbidden("the audit trail is for administrators and coordinators"));
    }
    AuditQuery scoped = caller.has(Role.ADMIN) ? query
        : new AuditQuery(query.from(), query.to(), query.accountId(), query.entityType(),
            caller.account().territories(), query.limit(), query.offset());
    return store.find(pool, scoped)
        .compose(events -> record(AuditEvent.of(caller, "audit.read", "audit_event", null, null)).map(events));
  }
}
