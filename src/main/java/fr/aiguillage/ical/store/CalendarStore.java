package fr.aiguillage.ical.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.ical.model.FeedSettings;
import fr.aiguillage.ical.model.Privacy;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL for feed tokens and feed settings. */
public final class CalendarStore {

  /** Settings and a fingerprint of them (for the feed's ETag). */
  public record StoredSettings(FeedSettings settings, String fingerprint) {
  }

  /** Sets (or replaces: the old URL stops working) the professional's feed token. */
  public Future<Void> putToken(SqlClient db, UUID professionalId, byte[] tokenHash, Instant now) {
    return db.preparedQuery("INSERT INTO calendar_feed (professional_id, token_hash, created_at) VALUES ($1, $2, $3)"
            + " ON CONFLICT (professional_id) DO UPDATE SET token_hash = EXCLUDED.token_hash,"
            + " created_at = EXCLUDED.created_at")
        .execute(Tuple.of(professionalId, Buffer.buffer(tokenHash), SqlTime.utc(now)))
        .mapEmpty();
  }

  public Future<Boolean> deleteToken(SqlClient db, UUID professionalId) {
    return db.preparedQuery("DELETE FROM calendar_feed WHERE professional_id = $1").execute(Tuple.of(professionalId))
        .map(rows -> rows.rowCount() > 0);
  }

  public Future<Optional<UUID>> professionalOf(SqlClient db, byte[] tokenHash) {
    return db.preparedQuery("SELECT professional_id FROM calendar_feed WHERE token_hash = $1")
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  public Future<StoredSettings> settings(SqlClient db, UUID professionalId) {
    return db.preparedQuery("SELECT privacy, show_free_slots, extract(epoch FROM updated_at)::text AS stamp"
            + " FROM calendar_settings WHERE professional_id = $1")
        .execute(Tuple.of(professionalId))
        .map(rows -> rows.size() == 0 ? new StoredSettings(FeedSettings.DEFAULT, "default")
            : new StoredSettings(new FeedSettings(Privacy.fromWire(rows.iterator().next().getString("privacy")),
                rows.iterator().next().getBoolean("show_free_slots")), rows.iterator().next().getString("stamp")));
  }

  public Future<Void> putSettings(SqlClient db, UUID professionalId, FeedSettings s, Instant now) {
    return db.preparedQuery("INSERT INTO calendar_settings (professional_id, privacy, show_free_slots, updated_at)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT (professional_id) DO UPDATE SET privacy = EXCLUDED.privacy,"
            + " show_free_slots = EXCLUDED.show_free_slots, updated_at = EXCLUDED.updated_at")
        .execute(Tuple.of(professionalId, s.privacy().wire(), s.showFreeSlots(), SqlTime.utc(now)))
        .mapEmpty();
  }

}
