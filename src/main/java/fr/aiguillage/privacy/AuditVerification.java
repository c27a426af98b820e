package fr.aiguillage.privacy;

import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.privacy.model.ChainReport;
import fr.aiguillage.privacy.store.AuditChainStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** Walks the audit hash chain for an administrator; the walk itself is recorded, with its verdict. */
public final class AuditVerification {

  private final Pool pool;
  private final AuditTrail audit;
  private final AuditChainStore store = new AuditChainStore();

  public AuditVerification(Pool pool, AuditTrail audit) {
    this.pool = pool;
    this.audit = audit;
  }

  public Future<ChainReport> verify(Caller caller) {
    if (!caller.has(Role.ADMIN)) {
      return Future.failedFuture(new Forbidden("only administrators verify the audit trail"));
    }
    return store.verify(pool).compose(report -> audit.record(AuditEvent.of(caller, "audit.verify", "audit_event",
            report.firstBroken() == null ? null : report.firstBroken().id(), null)
        .withDetail(report.intact() ? "intact" : "broken: " + report.firstBroken().reason()))
        .map(report));
  }
}
