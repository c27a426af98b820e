package fr.aiguillage.agenda.store;

import fr.aiguillage.agenda.model.SearchResult.Candidate;
import fr.aiguillage.agenda.model.SearchResult.Hit;
import fr.aiguillage.agenda.model.SearchResult.ProfessionalSummary;
import fr.aiguillage.agenda.model.SearchResult.SiteSummary;
import fr.aiguillage.agenda.model.SearchResult.SlotSummary;
import fr.aiguillage.agenda.model.SlotKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The nearest-first slot search, as one statement: sites in distance order from a GiST (KNN) index on
 * their position, each with its earliest free slot in the window. This is the one read that joins the
 * directory's tables (sites, professionals, communes) to the agenda's, for speed; it only reads them.
 */
public final class SlotSearchStore {

  /** What the search needs, resolved: where, which territories, what profession, when. */
  public record Criteria(double lat, double lon, List<String> territories, String profession, String skill,
                         List<SlotKind> kinds, Instant from, Instant to, double radiusKm) {
  }

  /** A hit with its exact distance, before rounding and de-duplication. */
  public record Row0(Hit hit, double exactKm) {
  }

  /** Sites of the profession in the territories, inside the box around the place ($1 lat, $2 lon, $6 metres). */
  private static final String SITE_FILTER = """
      c.territory_id = ANY ($3) AND p.active AND p.profession = $4 AND ($5::text IS NULL OR $5 = ANY (p.skills))
        AND earth_box(ll_to_earth($1, $2), $6) @> ll_to_earth(s.lat, s.lon)""";

  private static final String NEAREST_FREE = """
      SELECT p.id AS pid, p.family_name, p.given_name, p.profession, p.phone,
             s.id AS site_id, s.name, s.address, s.commune_insee, s.lat, s.lon,
             earth_distance(ll_to_earth(s.lat, s.lon), ll_to_earth($1, $2)) / 1000.0 AS km,
             x.id AS slot_id, x.start_at, x.end_at, x.kind
      FROM site s
      JOIN commune c ON c.insee = s.commune_insee
      JOIN professional p ON p.id = s.professional_id
      CROSS JOIN LATERAL (
        SELECT sl.id, sl.start_at, sl.end_at, sl.kind FROM slot sl
        WHERE sl.professional_id = p.id AND sl.site_id = s.id AND sl.status = 'free'
          AND sl.start_at >= $7 AND sl.start_at < $8 AND sl.kind = ANY ($9)
        ORDER BY sl.start_at LIMIT 1) x
      WHERE %s
      ORDER BY ll_to_earth(s.lat, s.lon) <-> ll_to_earth($1, $2)
      LIMIT $10""".formatted(SITE_FILTER);

  private static final String OVERBOOKING = """
      SELECT p.id AS pid, p.family_name, p.given_name, p.profession, p.phone,
             s.id AS site_id, s.name, s.address, s.commune_insee, s.lat, s.lon,
             earth_distance(ll_to_earth(s.lat, s.lon), ll_to_earth($1, $2)) / 1000.0 AS km
      FROM site s
      JOIN commune c ON c.insee = s.commune_insee
      JOIN professional p ON p.id = s.professional_id
      WHERE p.accepts_overbooking AND %s
      ORDER BY ll_to_earth(s.lat, s.lon) <-> ll_to_earth($1, $2)
      LIMIT $7""".formatted(SITE_FILTER);

  public Future<List<Row0>> nearestFree(SqlClient db, Criteria q, int fetch) {
    return db.preparedQuery(NEAREST_FREE)
        .execute(Tuple.from(new Object[] {q.lat(), q.lon(), q.territories().toArray(String[]::new), q.profession(),
            q.skill(), q.radiusKm() * 1000.0, SlotStore.utc(q.from()), SlotStore.utc(q.to()),
            q.kinds().stream().map(Enum::name).toArray(String[]::new), fetch}))
        .map(rows -> {
          List<Row0> hits = new ArrayList<>();
          for (Row row : rows) {
            double km = row.getDouble("km");
            if (km <= q.radiusKm()) {
              hits.add(new Row0(new Hit(new SlotSummary(row.getUUID("slot_id"),
                  SlotStore.paris(row.getOffsetDateTime("start_at")), SlotStore.paris(row.getOffsetDateTime("end_at")),
                  SlotKind.valueOf(row.getString("kind"))), professional(row), site(row), round(km)), km));
            }
          }
          return hits;
        });
  }

  /** Professionals of the profession who accept extra patients, nearest first. */
  public Future<List<Candidate>> overbooking(SqlClient db, Criteria q, int fetch) {
    return db.preparedQuery(OVERBOOKING)
        .execute(Tuple.from(new Object[] {q.lat(), q.lon(), q.territories().toArray(String[]::new), q.profession(),
            q.skill(), q.radiusKm() * 1000.0, fetch}))
        .map(rows -> {
          List<Candidate> found = new ArrayList<>();
          for (Row row : rows) {
            if (row.getDouble("km") <= q.radiusKm()) {
              found.add(new Candidate(professional(row), site(row), round(row.getDouble("km"))));
            }
          }
          return found;
        });
  }

  private static ProfessionalSummary professional(Row row) {
    return new ProfessionalSummary(row.getUUID("pid"), row.getString("family_name"), row.getString("given_name"),
        row.getString("profession"), row.getString("phone"));
  }

  private static SiteSummary site(Row row) {
    return new SiteSummary(row.getUUID("site_id"), row.getString("name"), row.getString("address"),
        row.getString("commune_insee"), row.getDouble("lat"), row.getDouble("lon"));
  }

  /** Kilometres to one decimal, as shown and as ordered. */
  public static double round(double km) {
    return Math.round(km * 10.0) / 10.0;
  }
}
