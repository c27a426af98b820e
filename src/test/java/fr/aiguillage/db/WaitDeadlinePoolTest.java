package fr.aiguillage.db;

import fr.aiguillage.support.ApiTest;
import io.vertx.core.Future;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wait for a connection is bounded by the service's own deadline (decision 0032), since the pool's own wait
 * timeout races on several event loops: past it the caller is told the database is out of reach, and its statement
 * is never run when a connection frees later.
 */
class WaitDeadlinePoolTest extends ApiTest {

  private Pool pool;

  @BeforeEach
  void oneConnection() throws Exception {
    Pool inner = PgBuilder.pool().with(new PoolOptions().setMaxSize(1).setConnectionTimeout(0))
        .connectingTo(Pools.connectOptions(server.db)).using(server.vertx).build();
    pool = new WaitDeadlinePool(server.vertx, inner, 300);
    pool.query("CREATE TABLE IF NOT EXISTS wait_probe (x int)").execute().await(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void closePool() throws Exception {
    pool.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a statement that finds no free connection by the deadline is a database out of reach, and never runs")
  void pastTheDeadline() throws Exception {
    SqlConnection held = pool.getConnection().await(30, TimeUnit.SECONDS);
    Throwable failure = pool.preparedQuery("INSERT INTO wait_probe VALUES (1)").execute()
        .<Throwable>map(rows -> null).recover(Future::succeededFuture).await(30, TimeUnit.SECONDS);
    assertThat(failure).as("the insert's outcome").isNotNull();
    assertThat(SqlFailures.unavailable(failure)).as("mapped to 503").isNotNull();

    held.close().await(30, TimeUnit.SECONDS);
    // The late connection went back to the pool unused: the one connection serves the next statement.
    assertThat(pool.query("SELECT count(*) FROM wait_probe").execute().await(30, TimeUnit.SECONDS)
        .iterator().next().getLong(0)).as("rows inserted after the deadline").isZero();
  }

  @Test
  @DisplayName("a statement that gets a connection before the deadline runs, and gives the connection back")
  void withinTheDeadline() throws Exception {
    for (int i = 0; i < 5; i++) {
      pool.preparedQuery("INSERT INTO wait_probe VALUES (2)").execute().await(30, TimeUnit.SECONDS);
    }
    assertThat(pool.withTransaction(c -> c.query("SELECT count(*) FROM wait_probe WHERE x = 2").execute())
        .await(30, TimeUnit.SECONDS).iterator().next().getLong(0)).isEqualTo(5);
  }
}
