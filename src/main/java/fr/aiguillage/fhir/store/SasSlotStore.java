package fr.aiguillage.fhir.store;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.agenda.model.SlotSource;
import fr.aiguillage.agenda.model.SlotStatus;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.fhir.model.SasPractitioner;
import fr.aiguillage.fhir.model.SasSiteSlots;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The SAS slot search's one statement (decision 0031): active professionals by RPPS, their free slots in the window
 * grouped by site (one range of the free-slot index per professional, index-only: V28), and each such site. A
 * read-only query across the directory's and the agenda's tables, for this one read: it replaces three statements
 * (professionals with a correlated sub-select each, their sites, their slots) and two round trips.
 */
public final class SasSlotStore {

  /** The statement; public for scripts/bench-fhir.sh, whose pgbench replay and EXPLAIN are written from it. */
  public static final String FREE_BY_SITE = """
      SELECT p.id AS professional_id, p.rpps, p.family_name, p.given_name, p.phone AS professional_phone,
             st.id AS site_id, st.name, st.address, st.commune_insee, st.lat, st.lon, st.phone,
             f.ids, f.kinds, f.starts, f.ends, f.sources, f.rules
      FROM professional p
      CROSS JOIN LATERAL (
        SELECT s.site_id, array_agg(s.id) AS ids, array_agg(s.kind) AS kinds, array_agg(s.start_at) AS starts,
               array_agg(s.end_at) AS ends, array_agg(s.source) AS sources, array_agg(s.rule_id) AS rules
        FROM slot s
        WHERE s.professional_id = p.id AND s.status = 'free' AND s.start_at >= $2 AND s.start_at <= $3
          AND s.start_at > $4 AND s.kind = ANY ($5)
        GROUP BY s.site_id) f
      JOIN site st ON st.id = f.site_id
      WHERE p.rpps = ANY ($1) AND p.active""";

  /** Free slots of the active professionals with these RPPS numbers, in [from, to] and after {@code now}, by site. */
  public Future<List<SasSiteSlots>> freeByRpps(SqlClient db, List<String> rpps, Instant from, Instant to, Instant now,
                                               Set<SlotKind> kinds) {
    return db.preparedQuery(FREE_BY_SITE)
        .execute(Tuple.of(rpps.toArray(String[]::new), SqlTime.utc(from), SqlTime.utc(to), SqlTime.utc(now),
            kinds.stream().map(SlotKind::name).toArray(String[]::new)))
        .map(rows -> {
          List<SasSiteSlots> found = new ArrayList<>(rows.size());
          rows.forEach(row -> found.add(siteSlots(row)));
          return found;
        });
  }

  private static SasSiteSlots siteSlots(Row row) {
    UUID professional = row.getUUID("professional_id");
    UUID siteId = row.getUUID("site_id");
    UUID[] ids = row.getArrayOfUUIDs("ids");
    String[] kinds = row.getArrayOfStrings("kinds");
    OffsetDateTime[] starts = row.getArrayOfOffsetDateTimes("starts");
    OffsetDateTime[] ends = row.getArrayOfOffsetDateTimes("ends");
    String[] sources = row.getArrayOfStrings("sources");
    UUID[] rules = row.getArrayOfUUIDs("rules");
    List<Slot> slots = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      // In Europe/Paris, as the agenda's reads give them (the Slot read of the same slot shows the same instants).
      slots.add(new Slot(ids[i], professional, siteId, SlotKind.valueOf(kinds[i]), SlotStatus.FREE,
          SqlTime.paris(starts[i]), SqlTime.paris(ends[i]), SlotSource.valueOf(sources[i]), rules[i]));
    }
    return new SasSiteSlots(new SasPractitioner(professional, row.getString("rpps"), row.getString("family_name"),
        row.getString("given_name"), row.getString("professional_phone")),
        new Site(siteId, row.getString("name"), row.getString("address"), row.getString("commune_insee"),
            row.getDouble("lat"), row.getDouble("lon"), row.getString("phone")), slots);
  }
}
