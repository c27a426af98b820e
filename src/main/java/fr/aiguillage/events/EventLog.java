package fr.aiguillage.events;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.json.Json;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends events inside the writer's transaction and announces them with PostgreSQL NOTIFY, which is
 * delivered only if that transaction commits: no event for a booking that did not happen, none lost for
 * one that did (the log keeps them for replay).
 */
public final class EventLog {

  public static final String CHANNEL = "aiguillage_events";

  private final Pool pool;
  private final Clock clock;

  public EventLog(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Future<DomainEvent> append(SqlClient tx, String type, String territoryId, Object payload) {
    Instant at = clock.instant();
    JsonObject body = new JsonObject(Json.text(payload));
    // One round trip: the row, then the notification carrying the same JSON as DomainEvent.toJson(). PostgreSQL
    // refuses a notification over 8,000 bytes (22023): a larger event (a push request asked of 500 professionals)
    // is announced by its id alone, marked "inLog", and the relay reads it from the log, in order.
    return tx.preparedQuery("""
            WITH e AS (INSERT INTO domain_event (at, type, territory_id, payload) VALUES ($1, $2, $3, $4)
                       RETURNING id, at, type, territory_id, payload),
                 n AS (SELECT id, json_build_object('id', id, 'at', $6::text, 'type', type,
                                                    'territoryId', territory_id, 'payload', payload)::text AS whole
                       FROM e)
            SELECT id, pg_notify($5, CASE WHEN octet_length(whole) <= 7900 THEN whole
                                          ELSE json_build_object('id', id, 'inLog', true)::text END)
            FROM n""")
        .execute(Tuple.from(new Object[] {SqlTime.utc(at), type, territoryId, body,
            CHANNEL, at.toString()}))
        .map(rows -> new DomainEvent(rows.iterator().next().getLong("id"), at, type, territoryId, body));
  }

  /** Events after {@code afterId} and not older than {@code since}, oldest first (for reconnecting screens). */
  public Future<List<DomainEvent>> since(long afterId, Instant since, int limit) {
    return pool.preparedQuery("SELECT id, at, type, territory_id, payload FROM domain_event"
            + " WHERE id > $1 AND at >= $2 ORDER BY id LIMIT $3")
        .execute(Tuple.of(afterId, SqlTime.utc(since), limit))
        .map(rows -> {
          List<DomainEvent> events = new ArrayList<>();
          rows.forEach(r -> events.add(new DomainEvent(r.getLong("id"), r.getOffsetDateTime("at").toInstant(),
              r.getString("type"), r.getString("territory_id"), (JsonObject) r.getJson("payload"))));
          return events;
        });
  }
}
