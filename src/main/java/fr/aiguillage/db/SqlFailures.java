package fr.aiguillage.db;

import fr.aiguillage.failure.DomainFailure;
import fr.aiguillage.failure.FieldError;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.Unavailable;
import fr.aiguillage.failure.UnknownReference;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import io.vertx.core.VertxException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import java.util.List;
import java.util.Set;

/**
 * The one mapping from PostgreSQL's refusals of a request's values to problems, by SQLSTATE (never by message
 * text): a foreign key that finds nothing (23503) is 422 naming the column's API field; a value PostgreSQL cannot
 * store (22021 bad byte sequence, 22P05 untranslatable character, 22003 numeric out of range, 22008 date-time
 * out of range, 2201W/2201X bad LIMIT/OFFSET, 22001 too long, 22007 bad date-time format, 22P02 bad text
 * representation) is 400. Stores keep their own meaningful mappings (23505 duplicate, 23P01 overlap) beside the
 * act; whatever reaches the failure handler unmapped comes here last. A database that cannot be reached (refused
 * or lost connection, server shutting down or starting, no pooled connection within the pool's wait) is 503 with
 * Retry-After ({@link #unavailable}). Anything else stays an unexpected failure.
 */
public final class SqlFailures {

  private static final List<String> BAD_VALUE = List.of("22021", "22P05", "22003", "22008", "2201W", "2201X",
      "22001", "22007", "22P02", "22023");

  /** Class 08: connection exception; 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now. */
  private static final List<String> SERVER_AWAY = List.of("57P01", "57P02", "57P03");

  private SqlFailures() {
  }

  /** Severities with which PostgreSQL ends the session (or the server): the request's database is gone. */
  private static final List<String> SESSION_ENDED = List.of("FATAL", "PANIC");

  /**
   * The Vert.x SQL client fails the statements it had sent on a connection that closes under them with a bare
   * VertxException of this message (SocketConnectionBase), the I/O error as its cause when there was one.
   */
  private static final String PENDING_ON_CLOSED = "Pending requests failed to be sent due to connection has been closed";

  /**
   * What a statement gets from a pool that is already closed: at SIGTERM, {@code vertx.close()} closes the pools while
   * the listener may still take a request. For the caller the database is out of reach: retry (another instance).
   */
  private static final String POOL_CLOSED = "Pool closed";

  /**
   * The pool's own wait timeout (Vert.x SQL client 5.0.7, SqlConnectionPool): off since WaitDeadlinePool, whose
   * TimeoutException is caught above, but still "database busy" should it be turned on again.
   */
  private static final Set<String> POOL_WAIT = Set.of("Timeout waiting for connection", "Timeout");

  /** What a statement gets from a connection already closing (SocketConnectionBase), as at the same stop. */
  private static final String NOT_ACTIVE = "Connection is not active now";

  /**
   * A 503 when this failure (or one of its causes) says the database is out of reach rather than that the request
   * was wrong, else null: every "database away" is recognised here and nowhere else. That is a refused, reset or
   * closed connection (any I/O failure: the request path does no other network or file I/O), a connection closed
   * under a running statement, a pool or connection closed while the service stops, the pool's own wait (a TimeoutException,
   * message "Timeout"), a SQLSTATE of class 08 or 57P01-57P03, and any error PostgreSQL raises as FATAL or PANIC, which ends the session: a database that
   * does not accept connections (55000, ALLOW_CONNECTIONS false), "too many clients" (53300), a failed
   * authentication after a password change.
   */
  public static Unavailable unavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof ClosedConnectionException || t instanceof TimeoutException
          || t instanceof VertxException && t.getMessage() != null
          && (t.getMessage().startsWith(PENDING_ON_CLOSED) || t.getMessage().equals(POOL_CLOSED)
          || t.getMessage().startsWith(NOT_ACTIVE) || POOL_WAIT.contains(t.getMessage()))) {
        return new Unavailable();
      }
      if (t instanceof PgException pg && (SESSION_ENDED.contains(pg.getSeverity()) || pg.getSqlState() != null
          && (pg.getSqlState().startsWith("08") || SERVER_AWAY.contains(pg.getSqlState())))) {
        return new Unavailable();
      }
    }
    return null;
  }

  /** The refusal this database error means for the caller, or null when it is not the caller's doing. */
  public static DomainFailure refusal(Throwable failure) {
    if (!(failure instanceof PgException pg) || pg.getSqlState() == null) {
      return null;
    }
    if ("23503".equals(pg.getSqlState())) {
      return new UnknownReference(field(pg.getTable(), pg.getConstraint()));
    }
    if (BAD_VALUE.contains(pg.getSqlState())) {
      String field = pg.getColumn() != null ? ColumnNames.camel(pg.getColumn()) : "body";
      return new Invalid(List.of(new FieldError(field, "value out of the range or encoding the service stores")));
    }
    return null;
  }

  /** PostgreSQL's default foreign key name is {@code <table>_<column>_fkey}: the column, in the API's camelCase. */
  static String field(String table, String constraint) {
    if (constraint == null) {
      return "body";
    }
    String column = constraint.replaceFirst("_fkey$", "");
    if (table != null && column.startsWith(table + "_")) {
      column = column.substring(table.length() + 1);
    }
    return ColumnNames.camel(column);
  }
}
