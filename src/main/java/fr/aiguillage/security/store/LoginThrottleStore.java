package fr.aiguillage.security.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed logins per login name. A window opens at the first failure; the {@code max}-th failure
 * inside it locks the login until {@code lockout} later. One upsert, so concurrent failures count right.
 */
public final class LoginThrottleStore {

  public Future<Optional<Instant>> lockedUntil(SqlClient db, String login, Instant now) {
    return db.preparedQuery("SELECT locked_until FROM login_throttle WHERE login = $1 AND locked_until > $2")
        .execute(Tuple.of(login, AccountStore.utc(now)))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(rows.iterator().next().getOffsetDateTime("locked_until").toInstant()));
  }

  public Future<Void> recordFailure(SqlClient db, String login, Instant now, int windowMinutes, int max,
                                    int lockoutMinutes) {
    return db.preparedQuery("""
            INSERT INTO login_throttle AS t (login, window_start, failures, locked_until)
            VALUES ($1, $2, 1, CASE WHEN $3 <= 1 THEN $2 + make_interval(mins => $5) END)
            ON CONFLICT (login) DO UPDATE SET
              failures = CASE WHEN t.window_start <= $2 - make_interval(mins => $4) THEN 1 ELSE t.failures + 1 END,
              window_start = CASE WHEN t.window_start <= $2 - make_interval(mins => $4) THEN $2 ELSE t.window_start END,
              locked_until = CASE
                WHEN t.window_start > $2 - make_interval(mins => $4) AND t.failures + 1 >= $3
                  THEN $2 + make_interval(mins => $5)
                ELSE t.locked_until END""")
        .execute(Tuple.of(login, AccountStore.utc(now), max, windowMinutes, lockoutMinutes))
        .mapEmpty();
  }

  public Future<Void> clear(SqlClient db, String login) {
    return db.preparedQuery("DELETE FROM login_throttle WHERE login = $1").execute(Tuple.of(login)).mapEmpty();
  }

}
