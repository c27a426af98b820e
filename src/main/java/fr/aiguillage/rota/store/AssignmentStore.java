package fr.aiguillage.rota.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.rota.model.Assignment;
import fr.aiguillage.rota.model.GridPlace;
import fr.aiguillage.rota.model.HistoryEntry;
import fr.aiguillage.rota.model.Reason;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for who holds which place, and the history of every change. */
public final class AssignmentStore {

  private static final String GRID = "SELECT p.id, p.sector_id, s.name AS sector_name, p.band_id, b.label, p.day,"
      + " p.seat, lower(p.during) AS s, upper(p.during) AS e, a.professional_id, a.reason, a.given_away,"
      + " coalesce(a.booked, 0) AS booked, p.capacity FROM rota_place p JOIN rota_band b ON b.id = p.band_id"
      + " JOIN rota_sector s ON s.id = p.sector_id LEFT JOIN rota_assignment a ON a.place_id = p.id";

  /** Drops the month's assignments (a proposal starts afresh; the month is not published). */
  public Future<Void> clear(SqlClient db, UUID monthId) {
    return db.preparedQuery("DELETE FROM rota_assignment a USING rota_place p WHERE p.id = a.place_id"
            + " AND p.month_id = $1").execute(Tuple.of(monthId)).mapEmpty();
  }

  public Future<Void> insertAll(SqlClient db, List<Assignment> assignments) {
    if (assignments.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = new ArrayList<>();
    assignments.forEach(a -> batch.add(Tuple.of(a.placeId(), a.professionalId(), a.reason().name())));
    return db.preparedQuery("INSERT INTO rota_assignment (place_id, professional_id, during, capacity, reason)"
            + " SELECT p.id, $2, p.during, p.capacity, $3 FROM rota_place p WHERE p.id = $1")
        .executeBatch(batch).mapEmpty();
  }

  /** Sets (or replaces) the holder of a place; the exclusion constraint refuses two places at once (23P01). */
  public Future<Void> hold(SqlClient db, UUID placeId, UUID professionalId, Reason reason) {
    return db.preparedQuery("INSERT INTO rota_assignment (place_id, professional_id, during, capacity, reason)"
            + " SELECT p.id, $2, p.during, p.capacity, $3 FROM rota_place p WHERE p.id = $1"
            + " ON CONFLICT (place_id) DO UPDATE SET professional_id = $2, reason = $3, given_away = false")
        .execute(Tuple.of(placeId, professionalId, reason.name())).mapEmpty();
  }

  public Future<Void> release(SqlClient db, UUID placeId) {
    return db.preparedQuery("DELETE FROM rota_assignment WHERE place_id = $1").execute(Tuple.of(placeId)).mapEmpty();
  }

  public Future<Void> markGivenAway(SqlClient db, UUID placeId) {
    return db.preparedQuery("UPDATE rota_assignment SET given_away = true WHERE place_id = $1")
        .execute(Tuple.of(placeId)).mapEmpty();
  }

  /** One place of a month of the territory, locked (null holder: a gap). */
  public Future<Optional<GridPlace>> place(SqlClient db, String territoryId, UUID placeId) {
    return db.preparedQuery(GRID + " WHERE p.id = $1 AND s.territory_id = $2 FOR UPDATE OF p")
        .execute(Tuple.of(placeId, territoryId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(grid(rows.iterator().next())));
  }

  public Future<List<GridPlace>> grid(SqlClient db, UUID monthId) {
    return list(db, GRID + " WHERE p.month_id = $1 ORDER BY p.sector_id, lower(p.during), b.label, p.seat",
        Tuple.of(monthId));
  }

  /** Places of the territory's months starting in [from, to) that nobody holds (gaps). */
  public Future<List<GridPlace>> gaps(SqlClient db, String territoryId, Instant from, Instant to) {
    return list(db, GRID + " WHERE s.territory_id = $1 AND a.place_id IS NULL AND lower(p.during) >= $2"
        + " AND lower(p.during) < $3 ORDER BY lower(p.during), s.name, p.seat",
        Tuple.of(territoryId, SqlTime.utc(from), SqlTime.utc(to)));
  }

  /** A professional's duties in the territory's published months, from {@code from} on. */
  public Future<List<GridPlace>> duties(SqlClient db, UUID professionalId, Instant from) {
    return list(db, GRID + " JOIN rota_month m ON m.id = p.month_id WHERE a.professional_id = $1"
        + " AND m.status = 'PUBLISHED' AND upper(p.during) > $2 ORDER BY lower(p.during)",
        Tuple.of(professionalId, SqlTime.utc(from)));
  }

  public Future<Void> record(SqlClient db, UUID monthId, UUID placeId, Instant at, UUID accountId, String action,
                             UUID professionalId, UUID previousId, String why) {
    return db.preparedQuery("INSERT INTO rota_history (month_id, place_id, at, account_id, action, professional_id,"
            + " previous_id, why) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.from(new Object[] {monthId, placeId, SqlTime.utc(at), accountId, action, professionalId,
            previousId, why}))
        .mapEmpty();
  }

  public Future<List<HistoryEntry>> history(SqlClient db, UUID monthId) {
    return db.preparedQuery("SELECT id, at, account_id, action, place_id, professional_id, previous_id, why"
            + " FROM rota_history WHERE month_id = $1 ORDER BY id").execute(Tuple.of(monthId))
        .map(rows -> {
          List<HistoryEntry> list = new ArrayList<>();
          rows.forEach(r -> list.add(new HistoryEntry(r.getLong("id"), SqlTime.paris(r.getOffsetDateTime("at")),
              r.getUUID("account_id"), r.getString("action"), r.getUUID("place_id"), r.getUUID("professional_id"),
              r.getUUID("previous_id"), r.getString("why"))));
          return list;
        });
  }

  private Future<List<GridPlace>> list(SqlClient db, String sql, Tuple args) {
    return db.preparedQuery(sql).execute(args).map(rows -> {
      List<GridPlace> list = new ArrayList<>();
      rows.forEach(r -> list.add(grid(r)));
      return list;
    });
  }

  private static GridPlace grid(Row r) {
    String reason = r.getString("reason");
    return new GridPlace(r.getUUID("id"), r.getUUID("sector_id"), r.getString("sector_name"), r.getUUID("band_id"),
        r.getString("label"), r.getLocalDate("day"), r.getInteger("seat"), SqlTime.paris(r.getOffsetDateTime("s")),
        SqlTime.paris(r.getOffsetDateTime("e")), r.getUUID("professional_id"),
        reason == null ? null : Reason.valueOf(reason), Boolean.TRUE.equals(r.getBoolean("given_away")),
        r.getInteger("booked"), r.getInteger("capacity"));
  }
}
