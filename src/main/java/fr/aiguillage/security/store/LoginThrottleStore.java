package fr.aiguillage.security.store;

import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed logins per login name over a sliding window; the {@code max}-th failure inside the
 * window locks the login for {@code lockout} minutes.
 */
public final class LoginThrottleStore {

  public Future<Optional<Instant>> lockedUntil(SqlClient db, String login, Instant now) {
    return db.preparedQuery("SELECT locked_until FROM login_lock WHERE login = $1 AND locked_until > $2")
        .execute(Tuple.of(login, SqlTime.utc(now)))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(rows.iterator().next().getOffsetDateTime("locked_until").toInstant()));
  }

  /** Records a failure, forgets those older than the window, and locks when the window holds {@code max}. */
  public Future<Void> recordFailure(SqlClient db, String login, Instant now, int windowMinutes, int max,
                                    int lockoutMinutes) {
    return db.preparedQuery("""
            WITH pruned AS (DELETE FROM login_failure
                            WHERE login = $1 AND at <= $2::timestamptz - make_interval(mins => $3)),
                 added AS (INSERT INTO login_failure (login, at) VALUES ($1, $2))
            SELECT count(*) + 1 AS recent FROM login_failure
            WHERE login = $1 AND at > $2::timestamptz - make_interval(mins => $3)""")
        .execute(Tuple.of(login, SqlTime.utc(now), windowMinutes))
        .map(rows -> rows.iterator().next().getLong("recent"))
        .compose(recent -> recent < max ? Future.succeededFuture() : lock(db, login, now, lockoutMinutes));
  }

  public Future<Void> clear(SqlClient db, String login) {
    return db.preparedQuery("""
            WITH failures AS (DELETE FROM login_failure WHERE login = $1)
            DELETE FROM login_lock WHERE login = $1""")
        .execute(Tuple.of(login)).mapEmpty();
  }

  private Future<Void> lock(SqlClient db, String login, Instant now, int lockoutMinutes) {
    return db.preparedQuery("""
            INSERT INTO login_lock (login, locked_until) VALUES ($1, $2::timestamptz + make_interval(mins => $3))
            ON CONFLICT (login) DO UPDATE SET locked_until = EXCLUDED.locked_until""")
        .execute(Tuple.of(login, SqlTime.utc(now), lockoutMinutes))
        .mapEmpty();
  }
}
