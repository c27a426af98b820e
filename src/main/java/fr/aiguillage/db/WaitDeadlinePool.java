package fr.aiguillage.db;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The pool, with the wait for a connection bounded by a deadline of our own rather than the pool's
 * ({@code PoolOptions#setConnectionTimeout}, left at 0 here). In Vert.x SQL client 5.0.7 the pool's own wait timeout
 * races when the pool is used from several event loops: a connection handed to a waiter on one loop while its timer
 * fires on another completes the waiter twice ("Promise already completed", seen under the contract fuzzer on two
 * loops; fixed upstream in 5.0.8, "Have SQL connection pool handle racy uncancellable timeout"; decision 0032).
 * Here the first of the connection and the deadline wins, by an atomic try-complete; a connection that arrives after
 * the deadline goes back to the pool unused, so a statement never runs for a caller already told the database was
 * out of reach. Every statement takes a connection this way: a plain {@code preparedQuery(sql).execute(...)} runs
 * on a connection taken, then given back.
 */
final class WaitDeadlinePool implements Pool {

  private final Vertx vertx;
  private final Pool pool;
  private final long waitMillis;

  WaitDeadlinePool(Vertx vertx, Pool pool, long waitMillis) {
    this.vertx = vertx;
    this.pool = pool;
    this.waitMillis = waitMillis;
  }

  @Override
  public Future<SqlConnection> getConnection() {
    Context context = Vertx.currentContext();
    if (context != null) {
      return connection();
    }
    Promise<SqlConnection> taken = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> connection().onComplete(taken));
    return taken.future();
  }

  /** On a Vert.x context: the pool's connection, or a {@link TimeoutException} (a 503, SqlFailures) at the deadline. */
  private Future<SqlConnection> connection() {
    Promise<SqlConnection> taken = Promise.promise();
    long timer = vertx.setTimer(waitMillis,
        id -> taken.tryFail(new TimeoutException("no database connection within " + waitMillis + " ms")));
    pool.getConnection().onComplete(connection -> {
      vertx.cancelTimer(timer);
      if (connection.failed()) {
        taken.tryFail(connection.cause());
      } else if (!taken.tryComplete(connection.result())) {
        connection.result().close();
      }
    });
    return taken.future();
  }

  private <T> Future<T> onConnection(Function<SqlConnection, Future<T>> work) {
    return getConnection().compose(connection -> {
      Future<T> done;
      try {
        done = work.apply(connection);
      } catch (RuntimeException e) {
        done = Future.failedFuture(e);
      }
      return done.andThen(ended -> connection.close());
    });
  }

  @Override
  public Query<RowSet<Row>> query(String sql) {
    return new OnConnection<>(connection -> connection.query(sql));
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
    return new Prepared<>(connection -> connection.preparedQuery(sql));
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
    return new Prepared<>(connection -> connection.preparedQuery(sql, options));
  }

  @Override
  public int size() {
    return pool.size();
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }

  /** A query run on a connection taken for it, then given back. */
  private class OnConnection<T> implements Query<T> {

    private final Function<SqlConnection, Query<T>> query;

    OnConnection(Function<SqlConnection, Query<T>> query) {
      this.query = query;
    }

    @Override
    public Future<T> execute() {
      return onConnection(connection -> query.apply(connection).execute());
    }

    @Override
    public <R> Query<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
      return new OnConnection<>(connection -> query.apply(connection).collecting(collector));
    }

    @Override
    public <U> Query<RowSet<U>> mapping(Function<Row, U> mapper) {
      return new OnConnection<>(connection -> query.apply(connection).mapping(mapper));
    }
  }

  /** A prepared statement run on a connection taken for it, then given back. */
  private final class Prepared<T> implements PreparedQuery<T> {

    private final Function<SqlConnection, PreparedQuery<T>> query;

    Prepared(Function<SqlConnection, PreparedQuery<T>> query) {
      this.query = query;
    }

    @Override
    public Future<T> execute() {
      return onConnection(connection -> query.apply(connection).execute());
    }

    @Override
    public Future<T> execute(Tuple tuple) {
      return onConnection(connection -> query.apply(connection).execute(tuple));
    }

    @Override
    public Future<T> executeBatch(List<Tuple> batch) {
      return onConnection(connection -> query.apply(connection).executeBatch(batch));
    }

    @Override
    public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
      return new Prepared<>(connection -> query.apply(connection).collecting(collector));
    }

    @Override
    public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
      return new Prepared<>(connection -> query.apply(connection).mapping(mapper));
    }
  }
}
