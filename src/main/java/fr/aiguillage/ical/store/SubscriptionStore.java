package fr.aiguillage.ical.store;

import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for calendar subscriptions. */
public final class SubscriptionStore {

  /** A subscribed calendar and how its last fetch went. */
  public record Subscription(UUID professionalId, String url, UUID siteId, int slotMinutes, OffsetDateTime lastFetchAt,
                             String lastStatus, String lastError) {
  }

  public Future<Void> put(SqlClient db, UUID professionalId, String url, UUID siteId, int slotMinutes, Instant now) {
    return db.preparedQuery("INSERT INTO calendar_subscription (professional_id, url, site_id, slot_minutes,"
            + " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (professional_id) DO UPDATE SET"
            + " url = EXCLUDED.url, site_id = EXCLUDED.site_id, slot_minutes = EXCLUDED.slot_minutes,"
            + " updated_at = EXCLUDED.updated_at")
        .execute(Tuple.of(professionalId, url, siteId, slotMinutes, SqlTime.utc(now)))
        .mapEmpty();
  }

  public Future<Optional<Subscription>> find(SqlClient db, UUID professionalId) {
    return db.preparedQuery("SELECT * FROM calendar_subscription WHERE professional_id = $1")
        .execute(Tuple.of(professionalId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toSubscription(rows.iterator().next())));
  }

  public Future<List<Subscription>> all(SqlClient db) {
    return db.query("SELECT * FROM calendar_subscription ORDER BY professional_id").execute().map(rows -> {
      List<Subscription> all = new ArrayList<>();
      rows.forEach(r -> all.add(toSubscription(r)));
      return all;
    });
  }

  public Future<Void> recordOutcome(SqlClient db, UUID professionalId, Instant at, String status, String message) {
    return db.preparedQuery("UPDATE calendar_subscription SET last_fetch_at = $2, last_status = $3, last_error = $4"
            + " WHERE professional_id = $1")
        .execute(Tuple.of(professionalId, SqlTime.utc(at), status, "OK".equals(status) ? null : message))
        .mapEmpty();
  }

  private static Subscription toSubscription(Row r) {
    return new Subscription(r.getUUID("professional_id"), r.getString("url"), r.getUUID("site_id"),
        r.getInteger("slot_minutes"), r.getOffsetDateTime("last_fetch_at"), r.getString("last_status"),
        r.getString("last_error"));
  }
}
