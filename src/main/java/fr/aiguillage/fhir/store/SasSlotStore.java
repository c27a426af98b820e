package fr.aiguillage.fhir.store;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.agenda.model.SlotSource;
import fr.aiguillage.agenda.model.SlotStatus;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.fhir.model.SasListing;
import fr.aiguillage.fhir.model.SasPractitioner;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SAS slot search's statements (decision 0041). The slots are read by professional id with the directory's
 * version (V34) in one statement; the professionals and their sites, which change rarely, come from the search's
 * cache ({@code SasDirectory}), read by RPPS with the version they were read at. Read-only, on the search pool.
 */
public final class SasSlotStore {

  /** Active professionals with these RPPS numbers and each of their sites, with the directory's version. */
  public static final String LISTINGS = """
      SELECT v.stamp, p.id AS professional_id, p.rpps, p.family_name, p.given_name, p.phone AS professional_phone,
             st.id AS site_id, st.name, st.address, st.commune_insee, st.lat, st.lon, st.phone
      FROM directory_version v
      LEFT JOIN professional p ON p.rpps = ANY ($1) AND p.active
      LEFT JOIN site st ON st.professional_id = p.id
      WHERE v.id = 1""";

  /**
   * Free slots of these professionals in the window, after {@code now}, of these kinds (one range of the free-slot
   * index per professional, index-only: V28), with the directory's version stamp: always one row, the version's,
   * even without a slot. Public for scripts/bench-fhir.sh, whose pgbench replay and EXPLAIN are written from it.
   */
  public static final String FREE_OF = """
      SELECT v.stamp, s.professional_id, s.site_id, s.id, s.kind, s.start_at, s.end_at, s.source, s.rule_id
      FROM directory_version v
      LEFT JOIN slot s ON s.professional_id = ANY ($1) AND s.status = 'free' AND s.start_at >= $2
        AND s.start_at <= $3 AND s.start_at > $4 AND s.kind = ANY ($5)
      WHERE v.id = 1""";

  /** Listings by RPPS as the directory stood at {@code stamp}; an RPPS without an active professional is absent. */
  public record Listings(UUID stamp, Map<String, SasListing> byRpps) {

    /** The professionals' ids, for {@link #freeOf}. */
    public List<UUID> ids() {
      List<UUID> ids = new ArrayList<>(byRpps.size());
      byRpps.values().forEach(l -> ids.add(l.practitioner().id()));
      return ids;
    }
  }

  /** Free slots as the agenda stood when the directory was at {@code stamp}. */
  public record FreeSlots(UUID stamp, List<Slot> slots) {
  }

  public Future<Listings> listings(SqlClient db, List<String> rpps) {
    return db.preparedQuery(LISTINGS).execute(Tuple.of(rpps.toArray(String[]::new))).map(SasSlotStore::listings);
  }

  public Future<FreeSlots> freeOf(SqlClient db, List<UUID> professionals, Instant from, Instant to, Instant now,
                                  Set<SlotKind> kinds) {
    return db.preparedQuery(FREE_OF)
        .execute(Tuple.of(professionals.toArray(UUID[]::new), SqlTime.utc(from), SqlTime.utc(to), SqlTime.utc(now),
            kinds.stream().map(SlotKind::name).toArray(String[]::new)))
        .map(SasSlotStore::freeSlots);
  }

  private static Listings listings(RowSet<Row> rows) {
    UUID stamp = null;
    Map<String, SasPractitioner> practitioners = new HashMap<>();
    Map<String, List<Site>> sites = new HashMap<>();
    for (Row row : rows) {
      stamp = row.getUUID("stamp");
      UUID id = row.getUUID("professional_id");
      if (id == null) {
        continue;
      }
      String rpps = row.getString("rpps");
      practitioners.computeIfAbsent(rpps, r -> new SasPractitioner(id, r, row.getString("family_name"),
          row.getString("given_name"), row.getString("professional_phone")));
      List<Site> at = sites.computeIfAbsent(rpps, r -> new ArrayList<>(2));
      UUID siteId = row.getUUID("site_id");
      if (siteId != null) {
        at.add(new Site(siteId, row.getString("name"), row.getString("address"), row.getString("commune_insee"),
            row.getDouble("lat"), row.getDouble("lon"), row.getString("phone")));
      }
    }
    Map<String, SasListing> byRpps = new HashMap<>();
    practitioners.forEach((rpps, p) -> byRpps.put(rpps, new SasListing(p, sites.get(rpps))));
    return new Listings(stamped(stamp), byRpps);
  }

  private static FreeSlots freeSlots(RowSet<Row> rows) {
    UUID stamp = null;
    List<Slot> slots = new ArrayList<>(rows.size());
    for (Row row : rows) {
      stamp = row.getUUID(0);
      UUID id = row.getUUID(3);
      if (id != null) {
        // In Europe/Paris, as the agenda's reads give them (the Slot read of the same slot shows the same instants).
        slots.add(new Slot(id, row.getUUID(1), row.getUUID(2), SlotKind.valueOf(row.getString(4)), SlotStatus.FREE,
            SqlTime.paris(row.getOffsetDateTime(5)), SqlTime.paris(row.getOffsetDateTime(6)),
            SlotSource.valueOf(row.getString(7)), row.getUUID(8)));
      }
    }
    return new FreeSlots(stamped(stamp), slots);
  }

  /** Both statements always bring the version's row (V34 keeps it): without it, say so rather than find nobody. */
  private static UUID stamped(UUID stamp) {
    if (stamp == null) {
      throw new IllegalStateException("directory_version has no row");
    }
    return stamp;
  }
}
