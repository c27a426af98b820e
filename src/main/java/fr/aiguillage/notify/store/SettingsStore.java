package fr.aiguillage.notify.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.notify.model.NoticeSettings;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.UUID;

/** SQL of the professionals' notification settings and of the link-signing key. */
public final class SettingsStore {

  public Future<NoticeSettings> of(SqlClient db, UUID professionalId) {
    return db.preparedQuery("SELECT email_bookings FROM professional_notification_settings WHERE professional_id = $1")
        .execute(Tuple.of(professionalId))
        .map(rows -> new NoticeSettings(rows.size() > 0 && rows.iterator().next().getBoolean(0)));
  }

  public Future<Void> put(SqlClient db, UUID professionalId, NoticeSettings s, Instant now) {
    return db.preparedQuery("INSERT INTO professional_notification_settings (professional_id, email_bookings,"
            + " updated_at) VALUES ($1, $2, $3) ON CONFLICT (professional_id) DO UPDATE SET"
            + " email_bookings = EXCLUDED.email_bookings, updated_at = EXCLUDED.updated_at")
        .execute(Tuple.of(professionalId, s.emailBookings(), SqlTime.utc(now))).mapEmpty();
  }

  /** The link key: the one already stored, or this candidate if none was (first start of any instance). */
  public Future<byte[]> linkKey(SqlClient db, byte[] candidate, Instant now) {
    return db.preparedQuery("INSERT INTO notification_key (id, link_key, created_at) VALUES (1, $1, $2)"
            + " ON CONFLICT (id) DO NOTHING")
        .execute(Tuple.of(Buffer.buffer(candidate), SqlTime.utc(now)))
        .compose(v -> db.preparedQuery("SELECT link_key FROM notification_key WHERE id = 1").execute())
        .map(rows -> rows.iterator().next().getBuffer(0).getBytes());
  }
}
