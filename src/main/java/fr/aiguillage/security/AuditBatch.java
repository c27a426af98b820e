package fr.aiguillage.security;

import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.store.AuditStore;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes the audit rows that belong to no caller's transaction (reads, refusals) in groups: while one
 * INSERT is on its way, the rows that arrive wait for it and then leave together in the next one. Each
 * caller's Future completes only once its own row is committed, so nothing is answered before it is
 * recorded; under load one commit carries many rows instead of one commit per row.
 */
final class AuditBatch {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditBatch.class);

  private static final int MAX_ROWS = 500;

  private record Pending(AuditEvent event, Instant at, Promise<Void> done, Context context) {

    /**
     * Completes the caller's Future on the caller's context, never inside the batch's own loop: whatever the
     * caller's continuation does (even throw) cannot stop the other rows from being answered.
     */
    void complete(AsyncResult<Void> result) {
      if (context != null) {
        context.runOnContext(v -> done.handle(result));
        return;
      }
      try {
        done.handle(result);
      } catch (RuntimeException e) {
        LOG.warn("an audit caller's continuation failed: {}", e.getClass().getName());
      }
    }
  }

  private final Pool pool;
  private final AuditStore store;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  AuditBatch(Pool pool, AuditStore store) {
    this.pool = pool;
    this.store = store;
  }

  Future<Void> add(AuditEvent event, Instant at) {
    Promise<Void> done = Promise.promise();
    queue.add(new Pending(event, at, done, Vertx.currentContext()));
    writeNext();
    return done.future();
  }

  /** Sends what is waiting unless a write is already on its way (its end sends the rest). */
  private void writeNext() {
    while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
      List<Pending> batch = new ArrayList<>();
      for (Pending next = queue.poll(); next != null; next = batch.size() < MAX_ROWS ? queue.poll() : null) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        writing.set(false);
        continue;
      }
      write(batch).onComplete(result -> {
        writing.set(false);
        batch.forEach(p -> p.complete(result));
        writeNext();
      });
      return;
    }
  }

  /** The batch's INSERT; a failure to even start it fails the batch rather than leaving the writer stuck. */
  private Future<Void> write(List<Pending> batch) {
    try {
      return store.insertAll(pool, batch.stream().map(Pending::event).toList(),
          batch.stream().map(Pending::at).toList());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
