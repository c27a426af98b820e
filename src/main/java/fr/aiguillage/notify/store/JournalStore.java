package fr.aiguillage.notify.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.notify.model.Channel;
import fr.aiguillage.notify.model.JournalEntry;
import fr.aiguillage.notify.model.Message;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL of the local journal (messages kept instead of sent). */
public final class JournalStore {

  public Future<Void> write(SqlClient db, UUID notificationId, String territoryId, Message m, Instant now) {
    return db.preparedQuery("INSERT INTO notification_journal (at, notification_id, territory_id, channel, recipient,"
            + " subject, body, attachment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.from(new Object[] {SqlTime.utc(now), notificationId, territoryId, m.channel().name(),
            m.recipient(), m.subject(), m.text(), m.calendar()}))
        .mapEmpty();
  }

  /** The latest entries of these territories, newest first, before {@code beforeId} when given. */
  public Future<List<JournalEntry>> latest(SqlClient db, List<String> territories, Long beforeId, int limit) {
    return db.preparedQuery("SELECT id, at, notification_id, territory_id, channel, recipient, subject, body,"
            + " attachment IS NOT NULL AS has_attachment FROM notification_journal"
            + " WHERE territory_id = ANY ($1) AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3")
        .execute(Tuple.of(territories.toArray(String[]::new), beforeId, limit))
        .map(rows -> {
          List<JournalEntry> found = new ArrayList<>();
          rows.forEach(r -> found.add(new JournalEntry(r.getLong("id"), SqlTime.paris(r.getOffsetDateTime("at")),
              r.getUUID("notification_id"), r.getString("territory_id"), Channel.valueOf(r.getString("channel")),
              r.getString("recipient"), r.getString("subject"), r.getString("body"), r.getBoolean("has_attachment"))));
          return found;
        });
  }
}
