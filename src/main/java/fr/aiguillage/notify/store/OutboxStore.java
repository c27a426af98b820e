package fr.aiguillage.notify.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.notify.model.Attempt;
import fr.aiguillage.notify.model.Channel;
import fr.aiguillage.notify.model.Claimed;
import fr.aiguillage.notify.model.Message;
import fr.aiguillage.notify.model.NoticeKind;
import fr.aiguillage.notify.model.Notification;
import fr.aiguillage.notify.model.QueuedNotifications;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL of the outbox: rows written in the booking's transaction, claimed with SKIP LOCKED, completed with attempts. */
public final class OutboxStore {

  /** A row to write: what, how, when it is due. */
  public record NewNotice(UUID appointmentId, String territoryId, NoticeKind kind, Channel channel, Instant dueAt) {
  }

  /** Writes the rows; a row already there for this appointment and kind stays as it is (once per event). */
  public Future<Void> insert(SqlClient tx, List<NewNotice> notices, Instant now) {
    if (notices.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = notices.stream().map(n -> Tuple.from(new Object[] {UUID.randomUUID(), n.appointmentId(),
        n.territoryId(), n.kind().name(), n.channel().name(), SqlTime.utc(n.dueAt()), SqlTime.utc(now)})).toList();
    return tx.preparedQuery("INSERT INTO notification (id, appointment_id, territory_id, kind, channel, status, due_at,"
            + " next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6, $7)"
            + " ON CONFLICT ON CONSTRAINT notification_once_per_event DO NOTHING")
        .executeBatch(rows).mapEmpty();
  }

  /** How many rows wait to be sent, and how many of them are already due (for the operators' metrics). */
  public Future<QueuedNotifications> queued(SqlClient db, Instant now) {
    return db.preparedQuery("SELECT count(*) AS pending, count(*) FILTER (WHERE next_attempt_at <= $1) AS due"
            + " FROM notification WHERE status = 'pending'")
        .execute(Tuple.of(SqlTime.utc(now)))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new QueuedNotifications(r.getLong("pending"), r.getLong("due"));
        });
  }

  /** A cancelled appointment: its confirmation and reminder, if not yet sent, are no longer to be sent. */
  public Future<Void> skipPending(SqlClient tx, UUID appointmentId, List<NoticeKind> kinds, String reason) {
    return tx.preparedQuery("UPDATE notification SET status = 'skipped', skip_reason = $3, claimed_until = NULL"
            + " WHERE appointment_id = $1 AND kind = ANY ($2) AND status = 'pending'")
        .execute(Tuple.of(appointmentId, kinds.stream().map(Enum::name).toArray(String[]::new), reason))
        .mapEmpty();
  }

  /**
   * Claims up to {@code limit} due rows until {@code until}: rows another instance is claiming are skipped
   * (FOR UPDATE SKIP LOCKED), rows it claimed are invisible until its claim lapses.
   */
  public Future<List<Claimed>> claim(SqlClient db, Instant now, Instant until, int limit) {
    return db.preparedQuery("""
            UPDATE notification SET claimed_until = $2
            WHERE id IN (SELECT id FROM notification
                         WHERE status = 'pending' AND next_attempt_at <= $1
                           AND (claimed_until IS NULL OR claimed_until <= $1)
                         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING id, appointment_id, territory_id, kind, channel, attempts, due_at""")
        .execute(Tuple.of(SqlTime.utc(now), SqlTime.utc(until), limit))
        .map(rows -> {
          List<Claimed> claimed = new ArrayList<>();
          rows.forEach(r -> claimed.add(new Claimed(r.getUUID("id"), r.getUUID("appointment_id"),
              r.getString("territory_id"), NoticeKind.valueOf(r.getString("kind")),
              Channel.valueOf(r.getString("channel")), r.getInteger("attempts"),
              r.getOffsetDateTime("due_at").toInstant())));
          return claimed;
        });
  }

  public Future<Void> sent(SqlClient tx, Claimed c, Message m, Instant now) {
    int number = c.attempts() + 1;
    return tx.preparedQuery("UPDATE notification SET status = 'sent', sent_at = $2, attempts = $3, claimed_until = NULL,"
            + " recipient = $4, subject = $5, body = $6, sms_encoding = $7, sms_segments = $8 WHERE id = $1")
        .execute(Tuple.from(new Object[] {c.id(), SqlTime.utc(now), number, m.recipient(), m.subject(), m.text(),
            m.smsText() == null ? null : m.smsText().encoding(),
            m.smsText() == null ? null : m.smsText().segments()}))
        .compose(v -> attempt(tx, c.id(), number, now, "sent", null));
  }

  /** A failed try: again at {@code retryAt}, or never (failed for good) when it is null. */
  public Future<Void> failed(SqlClient tx, Claimed c, String detail, Instant now, Instant retryAt) {
    int number = c.attempts() + 1;
    return tx.preparedQuery("UPDATE notification SET status = $2, attempts = $3, claimed_until = NULL,"
            + " next_attempt_at = COALESCE($4, next_attempt_at) WHERE id = $1")
        .execute(Tuple.of(c.id(), retryAt == null ? "failed" : "pending", number, SqlTime.utc(retryAt)))
        .compose(v -> attempt(tx, c.id(), number, now, "failed", detail));
  }

  public Future<Void> skip(SqlClient db, UUID id, String reason) {
    return db.preparedQuery("UPDATE notification SET status = 'skipped', skip_reason = $2, claimed_until = NULL"
            + " WHERE id = $1").execute(Tuple.of(id, reason)).mapEmpty();
  }

  /** Every message about an appointment, oldest first, with its attempts. */
  public Future<List<Notification>> ofAppointment(SqlClient db, UUID appointmentId) {
    return db.preparedQuery("""
            SELECT n.*, a.number, a.at AS attempt_at, a.outcome, a.detail
            FROM notification n LEFT JOIN notification_attempt a ON a.notification_id = n.id
            WHERE n.appointment_id = $1 ORDER BY n.created_at, n.kind, a.number""")
        .execute(Tuple.of(appointmentId))
        .map(rows -> {
          Map<UUID, Notification> byId = new LinkedHashMap<>();
          for (Row r : rows) {
            Notification n = byId.computeIfAbsent(r.getUUID("id"), id -> toNotification(r));
            if (r.getInteger("number") != null) {
              n.attempts().add(new Attempt(r.getInteger("number"), SqlTime.paris(r.getOffsetDateTime("attempt_at")),
                  r.getString("outcome"), r.getString("detail")));
            }
          }
          return List.copyOf(byId.values());
        });
  }

  private static Notification toNotification(Row r) {
    return new Notification(r.getUUID("id"), r.getUUID("appointment_id"), NoticeKind.valueOf(r.getString("kind")),
        Channel.valueOf(r.getString("channel")), r.getString("status"), SqlTime.paris(r.getOffsetDateTime("due_at")),
        SqlTime.paris(r.getOffsetDateTime("sent_at")), r.getString("recipient"), r.getString("subject"),
        r.getString("body"), r.getString("sms_encoding"), r.getInteger("sms_segments"), r.getString("skip_reason"),
        new ArrayList<>());
  }

  private static Future<Void> attempt(SqlClient tx, UUID id, int number, Instant now, String outcome, String detail) {
    return tx.preparedQuery("INSERT INTO notification_attempt (notification_id, number, at, outcome, detail)"
            + " VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(id, number, SqlTime.utc(now), outcome, detail)).mapEmpty();
  }
}
