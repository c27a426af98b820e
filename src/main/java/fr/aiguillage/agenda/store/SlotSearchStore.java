package fr.aiguillage.agenda.store;

import fr.aiguillage.db.SqlTime;
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
  public record Found(Hit hit, double exactKm) {
  }

  /**
   * The {@code k} sites nearest to the place ($1 lat, $2 lon), whatever their profession, read in distance
   * order from the GiST (KNN) index; materialised so the filters below do not turn the ordered index scan
   * into a scan of the whole box.
   */
  private static final String NEARBY = """
      WITH nearby AS MATERIALIZED (
        SELECT s.id, s.professional_id, s.name, s.address, s.commune_insee, s.lat, s.lon,
               s.position <-> ll_to_earth($1, $2) AS chord
        FROM site s
        ORDER BY s.position <-> ll_to_earth($1, $2)
        LIMIT $3)
      """;

  /** Professionals of the profession in the territories ($4 territories, $5 profession, $6 skill, $7 chord). */
  private static final String FILTER = """
      c.territory_id = ANY ($4) AND p.active AND p.profession = $5 AND ($6::text IS NULL OR $6 = ANY (p.skills))
        AND s.chord <= $7""";

  private static final String COLUMNS = """
      p.id AS pid, p.family_name, p.given_name, p.profession, p.phone,
      s.id AS site_id, s.name, s.address, s.commune_insee, s.lat, s.lon, s.chord""";

  private static final String NEAREST_FREE = NEARBY + """
      SELECT %s, x.id AS slot_id, x.start_at, x.end_at, x.kind,
             (SELECT count(*) FROM nearby) AS sites, (SELECT max(chord) FROM nearby) AS reach
      FROM nearby s
      JOIN commune c ON c.insee = s.commune_insee
      JOIN professional p ON p.id = s.professional_id
      CROSS JOIN LATERAL (
        SELECT sl.id, sl.start_at, sl.end_at, sl.kind FROM slot sl
        WHERE sl.professional_id = p.id AND sl.site_id = s.id AND sl.status = 'free'
          AND sl.start_at >= $8 AND sl.start_at < $9 AND sl.kind = ANY ($10)
        ORDER BY sl.start_at LIMIT 1) x
      WHERE %s""".formatted(COLUMNS, FILTER);

  private static final String REACH = NEARBY + "SELECT count(*) AS sites, coalesce(max(chord), 0) AS chord FROM nearby";

  private static final String OVERBOOKING = NEARBY + """
      SELECT %s
      FROM nearby s
      JOIN commune c ON c.insee = s.commune_insee
      JOIN professional p ON p.id = s.professional_id
      WHERE p.accepts_overbooking AND %s
      ORDER BY s.chord""".formatted(COLUMNS, FILTER);

  /** The hits among the {@code k} nearest sites, and how far those sites reach (to know if more must be read). */
  public record Batch(List<Found> rows, int sitesRead, double reachKm) {
  }

  public Future<Batch> nearestFree(SqlClient db, Criteria q, int k) {
    return db.preparedQuery(NEAREST_FREE)
        .execute(Tuple.from(new Object[] {q.lat(), q.lon(), k, q.territories().toArray(String[]::new),
            q.profession(), q.skill(), Earth.chordMetres(q.radiusKm()), SqlTime.utc(q.from()),
            SqlTime.utc(q.to()), q.kinds().stream().map(Enum::name).toArray(String[]::new)}))
        .compose(rows -> {
          List<Found> found = new ArrayList<>();
          for (Row row : rows) {
            double km = Earth.greatCircleKm(row.getDouble("chord"));
            found.add(new Found(new Hit(new SlotSummary(row.getUUID("slot_id"),
                SqlTime.paris(row.getOffsetDateTime("start_at")), SqlTime.paris(row.getOffsetDateTime("end_at")),
                SlotKind.valueOf(row.getString("kind"))), professional(row), site(row), round(km)), km));
          }
          if (rows.size() > 0) {
            Row first = rows.iterator().next();
            return Future.succeededFuture(new Batch(found, first.getLong("sites").intValue(),
                Earth.greatCircleKm(first.getDouble("reach"))));
          }
          return reach(db, q, k).map(r -> new Batch(found, r.getLong("sites").intValue(),
              Earth.greatCircleKm(r.getDouble("chord"))));
        });
  }

  /** How many of the {@code k} nearest sites exist, and the distance of the farthest of them. */
  private Future<Row> reach(SqlClient db, Criteria q, int k) {
    return db.preparedQuery(REACH).execute(Tuple.of(q.lat(), q.lon(), k)).map(rows -> rows.iterator().next());
  }

  /** Professionals of the profession who accept extra patients, among the {@code k} nearest sites. */
  public Future<List<Candidate>> overbooking(SqlClient db, Criteria q, int k) {
    return db.preparedQuery(OVERBOOKING)
        .execute(Tuple.from(new Object[] {q.lat(), q.lon(), k, q.territories().toArray(String[]::new),
            q.profession(), q.skill(), Earth.chordMetres(q.radiusKm())}))
        .map(rows -> {
          List<Candidate> found = new ArrayList<>();
          rows.forEach(row -> found.add(new Candidate(professional(row), site(row),
              round(Earth.greatCircleKm(row.getDouble("chord"))))));
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
