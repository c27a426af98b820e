package fr.aiguillage.security;

import fr.aiguillage.db.Pools;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.support.ApiTest;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grouped audit writer completes each caller's row; a caller whose own continuation throws (an answer
 * written twice, a closed connection) must not leave the writer stuck, or every later read would wait forever.
 */
class AuditBatchIsolationTest extends ApiTest {

  private Pool pool;

  @BeforeAll
  void openPool() {
    pool = Pools.create(server.vertx, server.db, 2);
  }

  @AfterAll
  void closePool() throws Exception {
    if (pool != null) {
      pool.close().await(1, TimeUnit.MINUTES);
    }
  }

  @Test
  @DisplayName("a caller whose continuation throws does not stop the rows recorded after it")
  void throwingContinuationDoesNotStallLaterRows() throws Exception {
    AuditTrail trail = new AuditTrail(pool, Clock.systemUTC());
    CompletableFuture<Void> later = new CompletableFuture<>();
    server.vertx.getOrCreateContext().runOnContext(v -> {
      trail.record(event("test.first")).onSuccess(done -> {
        throw new IllegalStateException("a continuation that fails, as writing an answer twice does");
      });
      trail.record(event("test.second")).onComplete(done -> {
        Future<Void> third = trail.record(event("test.third"));
        third.onComplete(r -> {
          if (r.succeeded()) {
            later.complete(null);
          } else {
            later.completeExceptionally(r.cause());
          }
        });
      });
    });
    later.get(30, TimeUnit.SECONDS);
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE action LIKE 'test.%'")).isEqualTo(3);
  }

  private static AuditEvent event(String action) {
    return new AuditEvent(null, null, null, action, "test", null, null, null, AuditEvent.Outcome.SUCCESS, null);
  }
}
