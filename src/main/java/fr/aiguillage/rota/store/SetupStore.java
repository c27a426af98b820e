package fr.aiguillage.rota.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.rota.model.Band;
import fr.aiguillage.rota.model.Sector;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL for sectors and duty bands. */
public final class SetupStore {

  private static final String BAND_COLUMNS = "b.id, b.sector_id, b.label, b.days, b.holidays, b.starts, b.ends,"
      + " b.profession, b.needed, b.capacity, b.step_minutes";

  /** Creates the territory's default sector unless it has one (idempotent, race-free by the unique index). */
  public Future<Void> ensureDefault(SqlClient db, String territoryId) {
    return db.preparedQuery("INSERT INTO rota_sector (id, territory_id, name, is_default) VALUES ($1, $2, $3, true)"
            + " ON CONFLICT DO NOTHING")
        .execute(Tuple.of(UUID.randomUUID(), territoryId, "Secteur principal")).mapEmpty();
  }

  public Future<Void> insertSector(SqlClient db, Sector sector) {
    return db.preparedQuery("INSERT INTO rota_sector (id, territory_id, name, is_default, communes)"
            + " VALUES ($1, $2, $3, false, $4)")
        .execute(Tuple.of(sector.id(), sector.territoryId(), sector.name(), sector.communes().toArray(String[]::new)))
        .mapEmpty();
  }

  public Future<List<Sector>> sectors(SqlClient db, String territoryId) {
    return db.preparedQuery("SELECT id, territory_id, name, is_default, communes FROM rota_sector"
            + " WHERE territory_id = $1 ORDER BY is_default DESC, name")
        .execute(Tuple.of(territoryId))
        .map(rows -> {
          List<Sector> list = new java.util.ArrayList<>();
          rows.forEach(r -> list.add(new Sector(r.getUUID("id"), r.getString("territory_id"), r.getString("name"),
              r.getBoolean("is_default"), Arrays.asList(r.getArrayOfStrings("communes")))));
          return list;
        });
  }

  public Future<Void> insertBand(SqlClient db, Band band, Instant now) {
    Short[] days = band.days().stream().map(d -> (short) d.getValue()).sorted().toArray(Short[]::new);
    return db.preparedQuery("INSERT INTO rota_band (id, sector_id, label, days, holidays, starts, ends, profession,"
            + " needed, capacity, step_minutes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
        .execute(Tuple.from(new Object[] {band.id(), band.sectorId(), band.label(), days, band.holidays(),
            band.start(), band.end(), band.profession(), band.needed(), band.capacity(), band.stepMinutes(),
            SqlTime.utc(now)}))
        .mapEmpty();
  }

  public Future<List<Band>> bands(SqlClient db, String territoryId) {
    return db.preparedQuery("SELECT " + BAND_COLUMNS + " FROM rota_band b JOIN rota_sector s ON s.id = b.sector_id"
            + " WHERE s.territory_id = $1 ORDER BY b.starts, b.id")
        .execute(Tuple.of(territoryId))
        .map(rows -> {
          List<Band> list = new java.util.ArrayList<>();
          rows.forEach(r -> list.add(band(r)));
          return list;
        });
  }

  private static Band band(Row r) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    days.addAll(Arrays.stream(r.getArrayOfShorts("days")).map(d -> DayOfWeek.of(d)).collect(Collectors.toSet()));
    return new Band(r.getUUID("id"), r.getUUID("sector_id"), r.getString("label"), days, r.getBoolean("holidays"),
        r.getLocalTime("starts"), r.getLocalTime("ends"), r.getString("profession"), r.getInteger("needed"),
        r.getInteger("capacity"), r.getInteger("step_minutes"));
  }
}
