package fr.aiguillage.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFailuresTest {

  @Test
  @DisplayName("a foreign key's default name gives the API field it guards")
  void fieldOfForeignKey() {
    assertThat(SqlFailures.field("call", "call_operator_id_fkey")).isEqualTo("operatorId");
    assertThat(SqlFailures.field("triage_assessment", "triage_assessment_call_id_fkey")).isEqualTo("callId");
    assertThat(SqlFailures.field(null, null)).isEqualTo("body");
  }

  @Test
  @DisplayName("a statement sent while the service stops and its pool is already closed is \"database away\" (503)")
  void closedPoolIsUnavailable() throws Exception {
    // The real client's failure: vertx.close() at SIGTERM closes the pools while the listener still answers
    // (the crash soak saw 500s "Pool closed" during each stop).
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setPort(1)).using(vertx).build();
      pool.close().await(10, TimeUnit.SECONDS);
      Throwable failure = pool.query("SELECT 1").execute().<Throwable>map(rows -> null)
          .recover(Future::succeededFuture).await(10, TimeUnit.SECONDS);
      assertThat(failure).isNotNull();
      assertThat(SqlFailures.unavailable(failure)).isNotNull();
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("a statement sent on a connection already closing at the stop is \"database away\" (503)")
  void closingConnectionIsUnavailable() {
    // The message of the Vert.x SQL client (SocketConnectionBase) that the crash soak's service logged as a 500.
    assertThat(SqlFailures.unavailable(new VertxException("Connection is not active now, current status: CLOSING")))
        .isNotNull();
  }

  @Test
  @DisplayName("waiting too long for a pool connection is \"database busy\" (503), by our deadline or by the pool's own")
  void poolWaitIsUnavailable() {
    // bench-booking saw 20 of 10,000 bookings answer 500 with these two (the pool's own wait timeout, Vert.x SQL
    // client 5.0.7, SqlConnectionPool); the pool's timeout is off now (WaitDeadlinePool), they stay 503 should it
    // come back.
    assertThat(SqlFailures.unavailable(new java.util.concurrent.TimeoutException("no database connection within 5000 ms")))
        .isNotNull();
    assertThat(SqlFailures.unavailable(new VertxException("Timeout waiting for connection"))).isNotNull();
    assertThat(SqlFailures.unavailable(new io.vertx.core.impl.NoStackTraceThrowable("Timeout")))
        .isNotNull();
    assertThat(SqlFailures.unavailable(new VertxException("something else"))).isNull();
  }

  @Test
  @DisplayName("only database errors that are the caller's doing become refusals")
  void onlyDatabaseRefusals() {
    assertThat(SqlFailures.refusal(new IllegalStateException("bug"))).isNull();
    assertThat(SqlFailures.refusal(null)).isNull();
  }
}
