package fr.aiguillage.notify.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.notify.model.Addressed;
import fr.aiguillage.notify.model.Letter;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * SQL of direct_notice, the outbox of messages other modules compose: written in the caller's transaction, claimed by
 * a sender for a lease ({@code claimed_until}, committed before the send), then marked sent or due again. Once sent,
 * the text kept is {@code kept_body} when the caller gave one (push: the message without its link).
 */
public final class DirectNoticeStore {

  /** A message to send: where, and what. */
  public record Notice(UUID id, String territoryId, String channel, String recipient, String subject, String body,
                       Instant createdAt) {
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

  /** Pending rows no live lease holds, oldest first, taken for {@code $2}; one statement, so committed at once. */
  private static final String CLAIM = """
      UPDATE direct_notice d SET claimed_until = $2
      FROM (SELECT id FROM direct_notice
            WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until <= $1)
            ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
      WHERE d.id = due.id
      RETURNING d.id, d.territory_id, d.channel, d.recipient, d.subject, d.body, d.created_at""";

  public Future<Integer> queue(SqlClient tx, Letter letter, List<UUID> professionalIds, Instant now) {
    if (professionalIds.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return tx.preparedQuery(QUEUE).execute(Tuple.from(new Object[] {letter.topic(), letter.ref(),
            letter.territoryId(), professionalIds.toArray(UUID[]::new), letter.sms(), letter.subject(), letter.mail(),
            SqlTime.utc(now)}))
        .map(rows -> rows.rowCount());
  }

  /** Messages the caller addressed itself, one per professional and act. */
  public Future<Void> queue(SqlClient tx, String topic, UUID ref, String territoryId, List<Addressed> messages,
                            Instant now) {
    if (messages.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery("INSERT INTO direct_notice (id, topic, ref, professional_id, territory_id, channel,"
            + " recipient, subject, body, kept_body, status, created_at)"
            + " VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10)"
            + " ON CONFLICT ON CONSTRAINT direct_notice_once DO NOTHING")
        .executeBatch(messages.stream().map(m -> Tuple.from(new Object[] {topic, ref, m.professionalId(), territoryId,
            m.channel(), m.recipient(), m.subject(), m.body(), m.kept(), SqlTime.utc(now)})).toList())
        .mapEmpty();
  }

  /** Claims up to {@code limit} due messages until {@code until}, in their own (autocommitted) statement. */
  public Future<List<Notice>> claim(SqlClient client, Instant now, Instant until, int limit) {
    return client.preparedQuery(CLAIM).execute(Tuple.of(SqlTime.utc(now), SqlTime.utc(until), limit))
        .map(rows -> {
          List<Notice> found = new ArrayList<>();
          rows.forEach(r -> found.add(new Notice(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3),
              r.getString(4), r.getString(5), r.getOffsetDateTime(6).toInstant())));
          found.sort(Comparator.comparing(Notice::createdAt));
          return found;
        });
  }

  /** Sent: the text kept loses what the caller wanted gone (its kept text replaces it), the lease ends. */
  public Future<Void> sent(SqlClient tx, UUID id, Instant now) {
    return tx.preparedQuery("UPDATE direct_notice SET status = 'sent', sent_at = $2, attempts = attempts + 1,"
            + " body = coalesce(kept_body, body), kept_body = NULL, claimed_until = NULL"
            + " WHERE id = $1 AND status = 'pending'")
        .execute(Tuple.of(id, SqlTime.utc(now))).mapEmpty();
  }

  /** A failed attempt: tried again at the next run, failed for good after five. A row sent meanwhile stays sent. */
  public Future<Void> failed(SqlClient tx, UUID id) {
    return tx.preparedQuery("UPDATE direct_notice SET attempts = attempts + 1, claimed_until = NULL,"
            + " status = CASE WHEN attempts + 1 >= 5 THEN 'failed' ELSE 'pending' END"
            + " WHERE id = $1 AND status = 'pending'")
        .execute(Tuple.of(id)).mapEmpty();
  }
}
