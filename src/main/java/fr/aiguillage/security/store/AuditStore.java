package fr.aiguillage.security.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.AuditQuery;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for the append-only audit trail: insert and read, nothing else. */
public final class AuditStore {

  public Future<Void> insert(SqlClient db, AuditEvent e, Instant at) {
    return db.preparedQuery("""
            INSERT INTO audit_event (at, account_id, action, entity_type, entity_id, territory_id, client_ip, outcome,
                                     detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
        .execute(Tuple.from(new Object[] {SqlTime.utc(at), e.accountId(), e.action(), e.entityType(),
            e.entityId(), e.territoryId(), e.clientIp(), e.outcome().name(), e.detail()}))
        .mapEmpty();
  }

  /** Several rows in one statement, in the order given (one commit for all of them). */
  public Future<Void> insertAll(SqlClient db, List<AuditEvent> events, List<Instant> at) {
    int n = events.size();
    OffsetDateTime[] times = new OffsetDateTime[n];
    UUID[] accounts = new UUID[n];
    String[][] text = new String[7][n];
    for (int i = 0; i < n; i++) {
      AuditEvent e = events.get(i);
      times[i] = SqlTime.utc(at.get(i));
      accounts[i] = e.accountId();
      String[] row = {e.action(), e.entityType(), e.entityId(), e.territoryId(), e.clientIp(), e.outcome().name(),
          e.detail()};
      for (int c = 0; c < row.length; c++) {
        text[c][i] = row[c];
      }
    }
    return db.preparedQuery("""
            INSERT INTO audit_event (at, account_id, action, entity_type, entity_id, territory_id, client_ip, outcome,
                                     detail)
            SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                                 $7::text[], $8::text[], $9::text[])""")
        .execute(Tuple.from(new Object[] {times, accounts, text[0], text[1], text[2], text[3], text[4], text[5],
            text[6]}))
        .mapEmpty();
  }

  public Future<List<AuditEvent>> find(SqlClient db, AuditQuery q) {
    return db.preparedQuery("""
            SELECT id, at, account_id, action, entity_type, entity_id, territory_id, client_ip, outcome, detail
            FROM audit_event
            WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)
              AND ($3::uuid IS NULL OR account_id = $3) AND ($4::text IS NULL OR entity_type = $4)
              AND ($5::text[] IS NULL OR territory_id = ANY ($5))
            ORDER BY id DESC LIMIT $6 OFFSET $7""")
        .execute(Tuple.from(new Object[] {SqlTime.utc(q.from()), SqlTime.utc(q.to()), q.accountId(),
            q.entityType(), q.territories() == null ? null : q.territories().toArray(String[]::new),
            q.limit(), q.offset()}))
        .map(rows -> {
          List<AuditEvent> events = new ArrayList<>();
          rows.forEach(row -> events.add(toEvent(row)));
          return events;
        });
  }

  private static AuditEvent toEvent(Row row) {
    return new AuditEvent(row.getLong("id"), row.getOffsetDateTime("at").toInstant(), row.getUUID("account_id"),
        row.getString("action"), row.getString("entity_type"), row.getString("entity_id"),
        row.getString("territory_id"), row.getString("client_ip"),
        AuditEvent.Outcome.valueOf(row.getString("outcome")), row.getString("detail"));
  }
}
