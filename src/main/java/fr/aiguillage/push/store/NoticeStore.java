package fr.aiguillage.push.store;

import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL of push_notice, the outbox of the messages carrying the links: written in the transaction that asks, claimed
 * with SKIP LOCKED by the sender. Once sent, the text kept loses its link (the token lives only in the message).
 */
public final class NoticeStore {

  public record Notice(UUID id, UUID requestId, UUID professionalId, String territoryId, String channel,
                       String recipient, String subject, String body) {
  }

  public Future<Void> insert(SqlClient tx, List<Notice> notices, Instant now) {
    if (notices.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery("INSERT INTO push_notice (id, request_id, professional_id, territory_id, channel, recipient,"
            + " subject, body, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9)"
            + " ON CONFLICT ON CONSTRAINT push_notice_once DO NOTHING")
        .executeBatch(notices.stream().map(n -> Tuple.from(new Object[] {n.id(), n.requestId(), n.professionalId(),
            n.territoryId(), n.channel(), n.recipient(), n.subject(), n.body(), SqlTime.utc(now)})).toList())
        .mapEmpty();
  }

  /** Pending messages, locked until the claiming transaction ends. */
  public Future<List<Notice>> claim(SqlClient tx, int limit) {
    return tx.preparedQuery("SELECT id, request_id, professional_id, territory_id, channel, recipient, subject, body"
            + " FROM push_notice WHERE status = 'pending' ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(limit))
        .map(rows -> {
          List<Notice> found = new ArrayList<>();
          rows.forEach(r -> found.add(new Notice(r.getUUID(0), r.getUUID(1), r.getUUID(2), r.getString(3),
              r.getString(4), r.getString(5), r.getString(6), r.getString(7))));
          return found;
        });
  }

  public Future<Void> sent(SqlClient tx, UUID id, String keptText, Instant now) {
    return tx.preparedQuery("UPDATE push_notice SET status = 'sent', body = $2, sent_at = $3, attempts = attempts + 1"
            + " WHERE id = $1")
        .execute(Tuple.of(id, keptText, SqlTime.utc(now))).mapEmpty();
  }

  /** A failed attempt: tried again at the next run, failed for good after five. */
  public Future<Void> failed(SqlClient tx, UUID id) {
    return tx.preparedQuery("UPDATE push_notice SET attempts = attempts + 1,"
            + " status = CASE WHEN attempts + 1 >= 5 THEN 'failed' ELSE 'pending' END WHERE id = $1")
        .execute(Tuple.of(id)).mapEmpty();
  }
}
