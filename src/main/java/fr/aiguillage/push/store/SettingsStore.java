package fr.aiguillage.push.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.json.Json;
import fr.aiguillage.push.model.PushBodies;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** SQL of push_settings: whether a professional takes requests, and when. */
public final class SettingsStore {

  public Future<PushBodies.ProSettings> get(SqlClient db, UUID professionalId) {
    return db.preparedQuery("SELECT takes_requests, hours FROM push_settings WHERE professional_id = $1")
        .execute(Tuple.of(professionalId))
        .map(rows -> rows.size() == 0 ? new PushBodies.ProSettings(false, List.of())
            : new PushBodies.ProSettings(rows.iterator().next().getBoolean(0),
                List.of(Json.MAPPER.convertValue(((JsonArray) rows.iterator().next().getJson(1)).getList(),
                    PushBodies.Hours[].class))));
  }

  public Future<Void> put(SqlClient db, UUID professionalId, PushBodies.ProSettings s, Instant now) {
    JsonArray hours = new JsonArray(Json.text(s.hours() == null ? List.of() : s.hours()));
    return db.preparedQuery("""
            INSERT INTO push_settings (professional_id, takes_requests, hours, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (professional_id) DO UPDATE SET takes_requests = $2, hours = $3, updated_at = $4""")
        .execute(Tuple.of(professionalId, s.takesRequests(), hours, SqlTime.utc(now)))
        .mapEmpty();
  }
}
