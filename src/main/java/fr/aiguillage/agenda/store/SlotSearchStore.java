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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
   * The {@code k} sites of the profession ($3) nearest to the place ($1 lat, $2 lon), read in distance order
   * from the GiST (KNN) index keyed by profession then position; materialised so the filters below do not
   * turn the ordered index scan into a scan of the whole box. Written for the search pool's generic plans:
   * {@code k} is a literal (one statement per {@link #READS} step), and the place becomes a point once per
   * query (a sub-select), not once per row.
   */
  private static final String NEARBY = """
      WITH nearby AS MATERIALIZED (
        SELECT s.id, s.professional_id, s.name, s.address, s.commune_insee, s.lat, s.lon,
               s.position <-> (SELECT ll_to_earth($1, $2)) AS chord
        FROM site s
        WHERE s.profession = $3
        ORDER BY s.position <-> (SELECT ll_to_earth($1, $2))
        LIMIT %d)
      """;

  /** Active professionals ($3 profession) in the territories ($4), with the skill ($5), within the radius ($6). */
  private static final String FILTER = """
      c.territory_id = ANY ($4) AND p.active AND p.profession = $3 AND ($5::text IS NULL OR $5 = ANY (p.skills))
        AND s.chord <= $6""";

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
          AND sl.start_at >= $7 AND sl.start_at < $8 AND sl.kind = ANY ($9)
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

  /** How many sites a read may take: a few fixed sizes, each one statement planned once per connection. */
  private static final int[] READS = {32, 128, 512, 2_048, 8_192, 32_768};

  /** The smallest read size holding at least {@code sites}. */
  public static int readOf(int sites) {
    for (int k : READS) {
      if (k >= sites) {
        return k;
      }
    }
    return READS[READS.length - 1];
  }

  /** The read size after {@code k}, or {@code k} itself when it is the largest. */
  public static int readAfter(int k) {
    return readOf(k + 1);
  }

  /** Each statement once per read size, formatted at class load rather than at every call. */
  private static final Map<Integer, String> NEAREST_FREE_BY_READ = byRead(NEAREST_FREE);
  private static final Map<Integer, String> REACH_BY_READ = byRead(REACH);
  private static final Map<Integer, String> OVERBOOKING_BY_READ = byRead(OVERBOOKING);

  private static Map<Integer, String> byRead(String sql) {
    return Arrays.stream(READS).boxed().collect(Collectors.toUnmodifiableMap(k -> k, sql::formatted));
  }

  private static String limited(Map<Integer, String> statements, int k) {
    String sql = statements.get(k);
    if (sql == null) {
      throw new IllegalArgumentException(k + " is not one of the read sizes");
    }
    return sql;
  }

  /** The hits among the {@code k} nearest sites, and how far those sites reach (to know if more must be read). */
  public record Batch(List<Found> rows, int sitesRead, double reachKm) {
  }

  public Future<Batch> nearestFree(SqlClient db, Criteria q, int k) {
    return db.preparedQuery(limited(NEAREST_FREE_BY_READ, k))
        .execute(Tuple.from(new Object[] {q.lat(), q.lon(), q.profession(),
            q.territories().toArray(String[]::new), q.skill(), Earth.chordMetres(q.radiusKm()), SqlTime.utc(q.from()),
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

  /** How many of the {@code k} nearest sites of the profession exist, and the distance of the farthest. */
  private Future<Row> reach(SqlClient db, Criteria q, int k) {
    return db.preparedQuery(limited(REACH_BY_READ, k)).execute(Tuple.of(q.lat(), q.lon(), q.profession()))
        .map(rows -> rows.iterator().next());
  }

  /** Professionals of the profession who accept extra patients, among the {@code k} nearest sites. */
  public Future<List<Candidate>> overbooking(SqlClient db, Criteria q, int k) {
    return db.preparedQuery(limited(OVERBOOKING_BY_READ, k))
        .execute(Tuple.from(new Object[] {q.lat(), q.lon(), q.profession(),
            q.territories().toArray(String[]::new), q.skill(), Earth.chordMetres(q.radiusKm())}))
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
