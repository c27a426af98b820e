package fr.aiguillage.directory.store;

import fr.aiguillage.directory.model.Commune;
import fr.aiguillage.directory.model.Territory;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for territories and communes. */
public final class TerritoryStore {

  public Future<Void> upsert(SqlClient db, Territory territory) {
    Future<Void> done = db.preparedQuery("""
            INSERT INTO territory (id, name, department) VALUES ($1, $2, $3)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, department = EXCLUDED.department""")
        .execute(Tuple.of(territory.id(), territory.name(), territory.department())).mapEmpty();
    List<Tuple> communes = territory.communes().stream()
        .map(c -> Tuple.of(c.insee(), territory.id(), c.name(), c.postcode(), c.lat(), c.lon()))
        .toList();
    return done.compose(v -> communes.isEmpty() ? Future.succeededFuture() : db.preparedQuery("""
            INSERT INTO commune (insee, territory_id, name, postcode, lat, lon) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (insee) DO UPDATE SET territory_id = EXCLUDED.territory_id, name = EXCLUDED.name,
              postcode = EXCLUDED.postcode, lat = EXCLUDED.lat, lon = EXCLUDED.lon""")
        .executeBatch(communes).mapEmpty());
  }

  public Future<List<Territory>> findAll(SqlClient db) {
    return db.query("""
            SELECT t.id, t.name, t.department, c.insee, c.name AS commune_name, c.postcode, c.lat, c.lon
            FROM territory t LEFT JOIN commune c ON c.territory_id = t.id
            ORDER BY t.id, c.name""")
        .execute()
        .map(rows -> {
          Map<String, Territory> byId = new LinkedHashMap<>();
          for (Row row : rows) {
            Territory t = byId.computeIfAbsent(row.getString("id"), id ->
                new Territory(id, row.getString("name"), row.getString("department"), new ArrayList<>()));
            if (row.getString("insee") != null) {
              t.communes().add(new Commune(row.getString("insee"), row.getString("commune_name"),
                  row.getString("postcode"), row.getDouble("lat"), row.getDouble("lon")));
            }
          }
          return byId.values().stream()
              .map(t -> new Territory(t.id(), t.name(), t.department(), List.copyOf(t.communes())))
              .toList();
        });
  }
}
