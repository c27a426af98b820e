package fr.aiguillage.directory.store;

import fr.aiguillage.db.TerritoriesQuery;
import java.util.Set;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.directory.model.Page;
import fr.aiguillage.directory.model.Profession;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.directory.model.ProfessionalQuery;
import fr.aiguillage.directory.model.Site;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for professionals and their sites. */
public final class ProfessionalStore {

  private static final String COLUMNS = """
      p.id, p.rpps, p.family_name, p.given_name, p.profession, p.specialty, p.skills, p.phone, p.email,
      p.accepts_snp, p.accepts_overbooking, p.mt_capacity, p.active,
      ARRAY(SELECT DISTINCT c.territory_id FROM site s JOIN commune c ON c.insee = s.commune_insee
            WHERE s.professional_id = p.id ORDER BY 1) AS territories""";

  private static final String FILTERS = """
      WHERE ($1::text IS NULL OR p.profession = $1)
        AND ($2::text IS NULL OR $2 = ANY (p.skills))
        AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM site s WHERE s.professional_id = p.id AND s.commune_insee = $3))
        AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM site s JOIN commune c ON c.insee = s.commune_insee
                                         WHERE s.professional_id = p.id AND c.territory_id = $4))
        AND ($5::boolean IS NULL OR p.accepts_snp = $5)
        AND ($6::text IS NULL OR p.family_name ILIKE $6 OR p.given_name ILIKE $6 OR p.rpps LIKE $6)
        AND ($7 OR p.active)
        AND ($8::text[] IS NULL OR EXISTS (SELECT 1 FROM site s JOIN commune c ON c.insee = s.commune_insee
                                           WHERE s.professional_id = p.id AND c.territory_id = ANY ($8)))""";

  public Future<Void> insert(SqlClient db, Professional p, Instant now) {
    return db.preparedQuery("""
            INSERT INTO professional (id, rpps, family_name, given_name, profession, specialty, skills, phone, email,
              accepts_snp, accepts_overbooking, mt_capacity, active, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, true, $13, $13)""")
        .execute(Tuple.from(new Object[] {p.id(), p.rpps(), p.familyName(), p.givenName(), p.profession().name(),
            p.specialty(), p.skills().toArray(String[]::new), p.phone(), p.email(), p.acceptsSnp(),
            p.acceptsOverbooking(), p.mtCapacity(), SqlTime.utc(now)}))
        .compose(v -> insertSites(db, p.id(), p.sites()));
  }

  public Future<Void> insertSites(SqlClient db, UUID professionalId, List<Site> sites) {
    List<Tuple> rows = sites.stream().map(s -> Tuple.from(new Object[] {s.id(), professionalId, s.name(),
        s.address(), s.communeInsee(), s.lat(), s.lon(), s.phone()})).toList();
    return rows.isEmpty() ? Future.succeededFuture() : db.preparedQuery("""
            INSERT INTO site (id, professional_id, name, address, commune_insee, lat, lon, phone)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
        .executeBatch(rows).mapEmpty();
  }

  public Future<Void> update(SqlClient db, Professional p, Instant now) {
    return db.preparedQuery("""
            UPDATE professional SET family_name = $2, given_name = $3, profession = $4, specialty = $5, skills = $6,
              phone = $7, email = $8, accepts_snp = $9, accepts_overbooking = $10, mt_capacity = $11, active = $12,
              updated_at = $13
            WHERE id = $1""")
        .execute(Tuple.from(new Object[] {p.id(), p.familyName(), p.givenName(), p.profession().name(),
            p.specialty(), p.skills().toArray(String[]::new), p.phone(), p.email(), p.acceptsSnp(),
            p.acceptsOverbooking(), p.mtCapacity(), p.active(), SqlTime.utc(now)}))
        .mapEmpty();
  }

  /** The professional, locked for update when {@code forUpdate}. */
  public Future<Optional<Professional>> findById(SqlClient db, UUID id, boolean forUpdate) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM professional p WHERE p.id = $1"
            + (forUpdate ? " FOR UPDATE OF p" : ""))
        .execute(Tuple.of(id))
        .compose(rows -> withSites(db, rows))
        .map(list -> list.stream().findFirst());
  }

  /** Professionals with these RPPS numbers (any order; unknown numbers are simply absent). */
  public Future<List<Professional>> findByRpps(SqlClient db, List<String> rpps) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM professional p WHERE p.rpps = ANY ($1)")
        .execute(Tuple.of(rpps.toArray(String[]::new)))
        .compose(rows -> withSites(db, rows));
  }

  /** The professional practising at this site. */
  public Future<Optional<Professional>> findBySite(SqlClient db, UUID siteId) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM professional p"
            + " WHERE p.id = (SELECT professional_id FROM site WHERE id = $1)")
        .execute(Tuple.of(siteId))
        .compose(rows -> withSites(db, rows))
        .map(list -> list.stream().findFirst());
  }

  public Future<Boolean> takeMtCapacity(SqlClient db, UUID id) {
    return db.preparedQuery("UPDATE professional SET mt_capacity = mt_capacity - 1, updated_at = now()"
            + " WHERE id = $1 AND mt_capacity > 0 AND active")
        .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
  }

  public Future<Optional<String>> territoryOfSite(SqlClient db, UUID siteId) {
    return db.preparedQuery("SELECT c.territory_id FROM site s JOIN commune c ON c.insee = s.commune_insee"
            + " WHERE s.id = $1")
        .execute(Tuple.of(siteId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
  }

  public Future<Page<Professional>> find(SqlClient db, ProfessionalQuery q) {
    String pattern = q.text() == null ? null : "%" + q.text().replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_") + "%";
    Object[] params = {q.profession() == null ? null : q.profession().name(), q.skill(), q.communeInsee(),
        q.territory(), q.acceptsSnp(), pattern, q.includeInactive(),
        q.scope() == null ? null : q.scope().toArray(String[]::new), q.limit(), q.offset()};
    Future<Long> total = db.preparedQuery("SELECT count(*) AS total FROM professional p " + FILTERS)
        .execute(Tuple.from(Arrays.copyOf(params, 8)))
        .map(rows -> rows.iterator().next().getLong("total"));
    Future<List<Professional>> items = db.preparedQuery("SELECT " + COLUMNS + " FROM professional p " + FILTERS
            + " ORDER BY p.family_name, p.given_name, p.id LIMIT $9 OFFSET $10")
        .execute(Tuple.from(params))
        .compose(rows -> withSites(db, rows));
    return Future.all(total, items).map(all -> new Page<>(items.result(), total.result(), q.limit(), q.offset()));
  }

  private Future<List<Professional>> withSites(SqlClient db, RowSet<Row> rows) {
    Map<UUID, Row> byId = new LinkedHashMap<>();
    rows.forEach(row -> byId.put(row.getUUID("id"), row));
    if (byId.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return db.preparedQuery("""
            SELECT id, professional_id, name, address, commune_insee, lat, lon, phone FROM site
            WHERE professional_id = ANY ($1) ORDER BY name, id""")
        .execute(Tuple.of(byId.keySet().toArray(UUID[]::new)))
        .map(siteRows -> {
          Map<UUID, List<Site>> sites = new LinkedHashMap<>();
          siteRows.forEach(s -> sites.computeIfAbsent(s.getUUID("professional_id"), k -> new ArrayList<>())
              .add(new Site(s.getUUID("id"), s.getString("name"), s.getString("address"),
                  s.getString("commune_insee"), s.getDouble("lat"), s.getDouble("lon"), s.getString("phone"))));
          return byId.values().stream()
              .map(row -> toProfessional(row, sites.getOrDefault(row.getUUID("id"), List.of())))
              .toList();
        });
  }

  private static Professional toProfessional(Row row, List<Site> sites) {
    return new Professional(row.getUUID("id"), row.getString("rpps"), row.getString("family_name"),
        row.getString("given_name"), Profession.valueOf(row.getString("profession")), row.getString("specialty"),
        List.of(row.getArrayOfStrings("skills")), row.getString("phone"), row.getString("email"),
        row.getBoolean("accepts_snp"), row.getBoolean("accepts_overbooking"), row.getInteger("mt_capacity"),
        row.getBoolean("active"), List.of(row.getArrayOfStrings("territories")), List.copyOf(sites));
  }


  /** The territories of the communes the professional practises in. */
  public Future<Optional<Set<String>>> territoriesOf(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT ARRAY(SELECT c.territory_id FROM site s"
        + " JOIN commune c ON c.insee = s.commune_insee"
        + " WHERE s.professional_id = p.id) FROM professional p WHERE p.id = $1", id);
  }
}
