package fr.aiguillage.push.store;

import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who a ring may ask: active professionals of the profession (and skill) who take requests, not yet asked, not on an
 * absence now; ring 0 the médecin traitant only, rings 1 and 2 within a radius of the patient's commune (nearest
 * site), ring 3 the whole territory. Those on duty in the rota now come first. Reads the directory, agenda, rota and
 * notify tables it needs in one statement (a ring of 500 is one round trip).
 */
public final class CandidateStore {

  /** A professional to ask: how to reach them (e-mail when they chose e-mails in issue 16, else SMS). */
  public record Candidate(UUID professionalId, String phone, String email, boolean byEmail, JsonArray hours,
                          boolean onDuty, double km) {
  }

  private static final String SQL = """
      SELECT p.id, p.phone, p.email, coalesce(ns.email_bookings, false) AS by_email, ps.hours,
             EXISTS (SELECT 1 FROM rota_assignment ra WHERE ra.professional_id = p.id AND ra.during @> $8::timestamptz)
               AS on_duty,
             min(earth_distance(ll_to_earth(c.lat, c.lon), s.position)) / 1000.0 AS km
      FROM professional p
      JOIN push_settings ps ON ps.professional_id = p.id AND ps.takes_requests
      JOIN site s ON s.professional_id = p.id
      JOIN commune sc ON sc.insee = s.commune_insee
      JOIN commune c ON c.insee = $5
      LEFT JOIN professional_notification_settings ns ON ns.professional_id = p.id
      WHERE p.active AND p.profession = $3 AND ($4::text IS NULL OR $4 = ANY (p.skills))
        AND NOT EXISTS (SELECT 1 FROM push_recipient x WHERE x.request_id = $1 AND x.professional_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM absence a WHERE a.professional_id = p.id
                        AND tstzrange(a.from_at, a.to_at) @> $8::timestamptz)
        AND CASE WHEN $6 = 0 THEN p.id = $9 ELSE sc.territory_id = $2 END
      GROUP BY p.id, p.phone, p.email, ns.email_bookings, ps.hours
      HAVING $6 IN (0, 3) OR min(earth_distance(ll_to_earth(c.lat, c.lon), s.position)) <= $7 * 1000.0
      ORDER BY on_duty DESC, km, p.id""";

  public Future<List<Candidate>> forRing(SqlClient db, UUID requestId, String territoryId, String profession,
                                         String skill, String communeInsee, int ring, double radiusKm, Instant now,
                                         UUID mtProfessionalId) {
    return db.preparedQuery(SQL)
        .execute(Tuple.from(new Object[] {requestId, territoryId, profession, skill, communeInsee, ring, radiusKm,
            SqlTime.utc(now), mtProfessionalId}))
        .map(rows -> {
          List<Candidate> found = new ArrayList<>();
          rows.forEach(r -> found.add(new Candidate(r.getUUID("id"), r.getString("phone"), r.getString("email"),
              r.getBoolean("by_email"), (JsonArray) r.getJson("hours"), r.getBoolean("on_duty"),
              r.getDouble("km"))));
          return found;
        });
  }
}
