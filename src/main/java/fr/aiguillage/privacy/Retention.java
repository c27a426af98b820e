package fr.aiguillage.privacy;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.privacy.model.RetentionReport;
import fr.aiguillage.privacy.store.RetentionKinds;
import fr.aiguillage.privacy.store.RetentionStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Removes every kind of record past its time, in batches of its own short transaction each. Idempotent and safe
 * with several instances: a batch locks its rows with SKIP LOCKED, so two runs share the work instead of waiting
 * or counting a record twice; what a batch removes is counted in the same statement.
 */
public final class Retention {

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final AppConfig.Retention settings;
  private final RetentionStore store = new RetentionStore();

  public Retention(Pool pool, Clock clock, AuditTrail audit, AppConfig.Retention settings) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.settings = settings;
  }

  /** What the next run would remove, by kind. */
  public Future<RetentionReport> preview(Caller caller) {
    if (!caller.hasAny(Role.ADMIN, Role.COORDINATOR)) {
      return Future.failedFuture(new Forbidden("retention is for administrators and coordinators"));
    }
    Instant now = clock.instant();
    List<Future<RetentionReport.Item>> items = RetentionKinds.ALL.stream()
        .map(kind -> store.count(pool, kind, cutoff(kind, now)).map(n -> item(kind, now, n))).toList();
    return Future.all(items).map(all -> new RetentionReport(now, all.list()))
        .compose(report -> audit.record(AuditEvent.of(caller, "retention.preview", "retention", null, null))
            .map(report));
  }

  /** An administrator's run now (the daily timer runs the same thing). */
  public Future<RetentionReport> runNow(Caller caller) {
    if (!caller.has(Role.ADMIN)) {
      return Future.failedFuture(new Forbidden("only administrators run the retention job"));
    }
    return run().compose(report -> audit.record(AuditEvent.of(caller, "retention.run", "retention", null, null)
        .withDetail(summary(report))).map(report));
  }

  /** One run: each kind in turn, batch after batch until a batch finds nothing left. */
  public Future<RetentionReport> run() {
    Instant now = clock.instant();
    Map<String, Long> removed = new ConcurrentHashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (RetentionKinds.Kind kind : RetentionKinds.ALL) {
      chain = chain.compose(v -> purge(kind, cutoff(kind, now), removed));
    }
    return chain.map(v -> new RetentionReport(now, RetentionKinds.ALL.stream()
            .map(kind -> item(kind, now, removed.getOrDefault(kind.name(), 0L))).toList()))
        .onSuccess(report -> LOG.info("Retention run: {}", summary(report)));
  }

  private Future<Void> purge(RetentionKinds.Kind kind, Instant cutoff, Map<String, Long> removed) {
    return store.purgeBatch(pool, kind, cutoff, settings.batchSize()).compose(batch -> {
      batch.forEach((name, n) -> removed.merge(name, n, Long::sum));
      return batch.values().stream().allMatch(n -> n == 0) ? Future.succeededFuture()
          : purge(kind, cutoff, removed);
    });
  }

  private RetentionReport.Item item(RetentionKinds.Kind kind, Instant now, long count) {
    return new RetentionReport.Item(kind.name(), days(kind), cutoff(kind, now), count);
  }

  private Instant cutoff(RetentionKinds.Kind kind, Instant now) {
    return now.minus(Duration.ofDays(days(kind)));
  }

  private int days(RetentionKinds.Kind kind) {
    Integer days = settings.days().get(kind.setting());
    if (days == null || days < 1) {
      throw new IllegalStateException("retention.days." + kind.setting() + " must be a positive number of days");
    }
    return days;
  }

  private static String summary(RetentionReport report) {
    return report.kinds().stream().map(i -> i.kind() + "=" + i.count()).collect(Collectors.joining(" "));
  }
}
