package fr.aiguillage.rota.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.rota.model.Availability;
import fr.aiguillage.rota.model.DayBand;
import fr.aiguillage.rota.model.Place;
import fr.aiguillage.rota.model.RotaMonth;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for months, volunteers' availability and the month's places. */
public final class MonthStore {

  public Future<Void> insertMonth(SqlClient db, RotaMonth month, Instant now) {
    return db.preparedQuery("INSERT INTO rota_month (id, territory_id, month, deadline, status, opened_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(month.id(), month.territoryId(), month.month().atDay(1), SqlTime.utc(month.deadline()),
            month.status().name(), SqlTime.utc(now)))
        .mapEmpty();
  }

  /** The month, locked for the transaction's changes when {@code lock}. */
  public Future<Optional<RotaMonth>> month(SqlClient db, String territoryId, YearMonth month, boolean lock) {
    return db.preparedQuery("SELECT id, territory_id, month, deadline, status FROM rota_month"
            + " WHERE territory_id = $1 AND month = $2" + (lock ? " FOR UPDATE" : ""))
        .execute(Tuple.of(territoryId, month.atDay(1)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(month(rows.iterator().next())));
  }

  public Future<Void> setStatus(SqlClient db, UUID monthId, RotaMonth.Status status, Instant now) {
    return db.preparedQuery("UPDATE rota_month SET status = $2,"
            + " published_at = CASE WHEN $2 = 'PUBLISHED' THEN $3 ELSE published_at END WHERE id = $1")
        .execute(Tuple.of(monthId, status.name(), SqlTime.utc(now))).mapEmpty();
  }

  public Future<Void> putAvailability(SqlClient db, UUID monthId, UUID professionalId, Availability a, Instant now) {
    return db.preparedQuery("INSERT INTO rota_availability (month_id, professional_id, sector_id, offered, impossible,"
            + " preferred, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (month_id, professional_id)"
            + " DO UPDATE SET sector_id = $3, offered = $4, impossible = $5, preferred = $6, updated_at = $7")
        .execute(Tuple.from(new Object[] {monthId, professionalId, a.sectorId(), a.offered(), json(a.impossible()),
            json(a.preferred()), SqlTime.utc(now)}))
        .mapEmpty();
  }

  /** Each volunteer's answer for the month, by professional, in id order. */
  public Future<Map<UUID, Availability>> availabilities(SqlClient db, UUID monthId) {
    return db.preparedQuery("SELECT professional_id, sector_id, offered, impossible, preferred FROM rota_availability"
            + " WHERE month_id = $1 ORDER BY professional_id")
        .execute(Tuple.of(monthId))
        .map(rows -> {
          Map<UUID, Availability> map = new LinkedHashMap<>();
          rows.forEach(r -> map.put(r.getUUID("professional_id"), new Availability(r.getUUID("sector_id"),
              r.getInteger("offered"), dayBands(r.getJsonArray("impossible")), dayBands(r.getJsonArray("preferred")))));
          return map;
        });
  }

  /** Inserts the month's places; a place already there (same band, day and seat) is kept. */
  public Future<Void> insertPlaces(SqlClient db, UUID monthId, List<Place> places, Map<UUID, Integer> capacity) {
    if (places.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = new ArrayList<>();
    for (Place p : places) {
      batch.add(Tuple.from(new Object[] {p.id(), monthId, p.sectorId(), p.bandId(), p.day(), p.seat(),
          SqlTime.utc(p.start()), SqlTime.utc(p.end()), p.special(), capacity.get(p.bandId())}));
    }
    return db.preparedQuery("INSERT INTO rota_place (id, month_id, sector_id, band_id, day, seat, during, special,"
            + " capacity) VALUES ($1, $2, $3, $4, $5, $6, tstzrange($7, $8), $9, $10) ON CONFLICT DO NOTHING")
        .executeBatch(batch).mapEmpty();
  }

  /** The month's places with the profession of their band, in time order. */
  public Future<List<Place>> places(SqlClient db, UUID monthId) {
    return db.preparedQuery("SELECT p.id, p.sector_id, p.band_id, p.day, p.seat, lower(p.during) AS s,"
            + " upper(p.during) AS e, b.profession, p.special FROM rota_place p JOIN rota_band b ON b.id = p.band_id"
            + " WHERE p.month_id = $1 ORDER BY lower(p.during), p.band_id, p.seat")
        .execute(Tuple.of(monthId))
        .map(rows -> {
          List<Place> list = new ArrayList<>();
          rows.forEach(r -> list.add(new Place(r.getUUID("id"), r.getUUID("sector_id"), r.getUUID("band_id"),
              r.getLocalDate("day"), r.getInteger("seat"), r.getOffsetDateTime("s").toInstant(),
              r.getOffsetDateTime("e").toInstant(), r.getString("profession"), r.getBoolean("special"))));
          return list;
        });
  }

  private static RotaMonth month(Row r) {
    LocalDate first = r.getLocalDate("month");
    return new RotaMonth(r.getUUID("id"), r.getString("territory_id"), YearMonth.from(first),
        r.getOffsetDateTime("deadline").toInstant(), RotaMonth.Status.valueOf(r.getString("status")));
  }

  private static JsonArray json(List<DayBand> list) {
    JsonArray array = new JsonArray();
    list.forEach(d -> array.add(new JsonObject().put("day", d.day().toString())
        .put("bandId", d.bandId() == null ? null : d.bandId().toString())));
    return array;
  }

  private static List<DayBand> dayBands(JsonArray array) {
    List<DayBand> list = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject o = array.getJsonObject(i);
      String band = o.getString("bandId");
      list.add(new DayBand(LocalDate.parse(o.getString("day")), band == null ? null : UUID.fromString(band)));
    }
    return list;
  }

  /** Whether the professional offered duties, in the place's sector, for the place's month. */
  public Future<Boolean> volunteered(SqlClient db, UUID placeId, UUID professionalId) {
    return db.preparedQuery("SELECT 1 FROM rota_place p JOIN rota_availability a ON a.month_id = p.month_id"
            + " AND a.sector_id = p.sector_id WHERE p.id = $1 AND a.professional_id = $2 AND a.offered > 0")
        .execute(Tuple.of(placeId, professionalId)).map(rows -> rows.size() > 0);
  }

  /** Who volunteered (offered at least one duty) in the place's sector for the place's month, by id. */
  public Future<java.util.List<UUID>> volunteersOfSector(SqlClient db, UUID placeId) {
    return db.preparedQuery("SELECT a.professional_id FROM rota_place p JOIN rota_availability a"
            + " ON a.month_id = p.month_id AND a.sector_id = p.sector_id WHERE p.id = $1 AND a.offered > 0"
            + " ORDER BY a.professional_id")
        .execute(Tuple.of(placeId)).map(rows -> {
          java.util.List<UUID> ids = new java.util.ArrayList<>();
          rows.forEach(r -> ids.add(r.getUUID(0)));
          return ids;
        });
  }
}
