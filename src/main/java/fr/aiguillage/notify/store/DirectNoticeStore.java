package fr.aiguillage.notify.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.notify.model.Letter;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL of direct_notice, the outbox of messages other modules compose: written in the caller's transaction (the channel
 * chosen here from issue 16's setting), claimed with SKIP LOCKED by the sender.
 */
public final class DirectNoticeStore {

  /** A message to send: where, and what. */
  public record Notice(UUID id, String territoryId, String channel, String recipient, String subject, String body) {
  }

  /** One row per active professional: e-mail when they chose e-mails and have an address, else SMS to their phone. */
  private static final String QUEUE = """
      INSERT INTO direct_notice (id, topic, ref, professional_id, territory_id, channel, recipient, subject, body,
                                 status, created_at)
      SELECT gen_random_uuid(), $1, $2, p.id, $3, x.channel, x.recipient,
             CASE WHEN x.channel = 'EMAIL' THEN $6 END, CASE WHEN x.channel = 'EMAIL' THEN $7 ELSE $5 END,
             'pending', $8
      FROM professional p
      LEFT JOIN professional_notification_settings ns ON ns.professional_id = p.id
      CROSS JOIN LATERAL (SELECT CASE WHEN coalesce(ns.email_bookings, false) AND coalesce(p.email, '') <> ''
                                      THEN 'EMAIL' ELSE 'SMS' END AS channel) c
      CROSS JOIN LATERAL (SELECT c.channel, CASE WHEN c.channel = 'EMAIL' THEN p.email ELSE p.phone END AS recipient) x
      WHERE p.id = ANY ($4) AND p.active AND x.recipient IS NOT NULL
      ON CONFLICT ON CONSTRAINT direct_notice_once DO NOTHING""";

  public Future<Integer> queue(SqlClient tx, Letter letter, List<UUID> professionalIds, Instant now) {
    if (professionalIds.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return tx.preparedQuery(QUEUE).execute(Tuple.from(new Object[] {letter.topic(), letter.ref(),
            letter.territoryId(), professionalIds.toArray(UUID[]::new), letter.sms(), letter.subject(), letter.mail(),
            SqlTime.utc(now)}))
        .map(rows -> rows.rowCount());
  }

  /** Pending messages, locked until the claiming transaction ends. */
  public Future<List<Notice>> claim(SqlClient tx, int limit) {
    return tx.preparedQuery("SELECT id, territory_id, channel, recipient, subject, body FROM direct_notice"
            + " WHERE status = 'pending' ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(limit))
        .map(rows -> {
          List<Notice> found = new ArrayList<>();
          rows.forEach(r -> found.add(new Notice(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3),
              r.getString(4), r.getString(5))));
          return found;
        });
  }

  public Future<Void> sent(SqlClient tx, UUID id, Instant now) {
    return tx.preparedQuery("UPDATE direct_notice SET status = 'sent', sent_at = $2, attempts = attempts + 1"
            + " WHERE id = $1").execute(Tuple.of(id, SqlTime.utc(now))).mapEmpty();
  }

  /** A failed attempt: tried again at the next run, failed for good after five. */
  public Future<Void> failed(SqlClient tx, UUID id) {
    return tx.preparedQuery("UPDATE direct_notice SET attempts = attempts + 1,"
            + " status = CASE WHEN attempts + 1 >= 5 THEN 'failed' ELSE 'pending' END WHERE id = $1")
        .execute(Tuple.of(id)).mapEmpty();
  }
}
