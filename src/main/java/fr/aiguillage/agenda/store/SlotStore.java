package fr.aiguillage.agenda.store;

import fr.aiguillage.db.TerritoriesQuery;
import java.util.Set;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.agenda.Occurrences;
import fr.aiguillage.agenda.model.AvailabilityRule;
import fr.aiguillage.agenda.model.Interval;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.agenda.model.SlotQuery;
import fr.aiguillage.agenda.model.SlotSource;
import fr.aiguillage.agenda.model.SlotStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** SQL for slots. The overlap rule is the table's exclusion constraint, not a check done here. */
public final class SlotStore {

  private static final String COLUMNS =
      "id, professional_id, site_id, kind, status, start_at, end_at, source, rule_id";

  public Future<Void> insert(SqlClient db, Slot slot, Instant now) {
    return db.preparedQuery("INSERT INTO slot (" + COLUMNS + ", created_at, updated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)")
        .execute(Tuple.from(new Object[] {slot.id(), slot.professionalId(), slot.siteId(), slot.kind().name(),
            slot.status().wire(), slot.start(), slot.end(), slot.source().name(), slot.ruleId(), SqlTime.utc(now)}))
        .mapEmpty();
  }

  /**
   * Inserts a rule's periods; a period that would overlap a live slot is skipped by the exclusion
   * constraint (so running twice, or on two instances at once, never duplicates). Periods inside an
   * absence are born blocked. Returns how many were created.
   */
  public Future<Integer> insertRuleSlots(SqlClient db, AvailabilityRule rule, List<Interval> periods, Instant now) {
    if (periods.isEmpty()) {
      return Future.succeededFuture(0);
    }
    OffsetDateTime[] starts = periods.stream().map(p -> SqlTime.utc(p.start())).toArray(OffsetDateTime[]::new);
    OffsetDateTime[] ends = periods.stream().map(p -> SqlTime.utc(p.end())).toArray(OffsetDateTime[]::new);
    return db.preparedQuery("""
            INSERT INTO slot (id, professional_id, site_id, kind, status, start_at, end_at, source, rule_id,
                              created_at, updated_at)
            SELECT gen_random_uuid(), $1, $2, $3,
                   CASE WHEN EXISTS (SELECT 1 FROM absence a WHERE a.professional_id = $1
                                     AND tstzrange(a.from_at, a.to_at) && tstzrange(p.s, p.e))
                        THEN 'blocked' ELSE 'free' END,
                   p.s, p.e, 'RULE', $4, $5, $5
            FROM unnest($6::timestamptz[], $7::timestamptz[]) AS p(s, e)
            ON CONFLICT DO NOTHING""")
        .execute(Tuple.from(new Object[] {rule.professionalId(), rule.siteId(), rule.kind().name(), rule.id(),
            SqlTime.utc(now), starts, ends}))
        .map(RowSet::rowCount);
  }

  /** Cancels the professional's imported slots that are still free and to come; returns how many. */
  public Future<Integer> cancelFutureImported(SqlClient db, UUID professionalId, Instant now) {
    return db.preparedQuery("UPDATE slot SET status = 'cancelled', updated_at = $2 WHERE professional_id = $1"
            + " AND source = 'IMPORT' AND status = 'free' AND start_at > $2")
        .execute(Tuple.of(professionalId, SqlTime.utc(now)))
        .map(RowSet::rowCount);
  }

  public Future<Integer> countFutureBookedImported(SqlClient db, UUID professionalId, Instant now) {
    return db.preparedQuery("SELECT count(*) FROM slot WHERE professional_id = $1 AND source = 'IMPORT'"
            + " AND status = 'booked' AND start_at > $2")
        .execute(Tuple.of(professionalId, SqlTime.utc(now)))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  /** Inserts imported periods; returns those the exclusion constraint refused (a live slot was there). */
  public Future<List<Interval>> insertImported(SqlClient db, UUID professionalId, UUID siteId, SlotKind kind,
                                               List<Interval> periods, Instant now) {
    if (periods.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    OffsetDateTime[] starts = periods.stream().map(p -> SqlTime.utc(p.start())).toArray(OffsetDateTime[]::new);
    OffsetDateTime[] ends = periods.stream().map(p -> SqlTime.utc(p.end())).toArray(OffsetDateTime[]::new);
    return db.preparedQuery("""
            INSERT INTO slot (id, professional_id, site_id, kind, status, start_at, end_at, source, created_at, updated_at)
            SELECT gen_random_uuid(), $1, $2, $3, 'free', p.s, p.e, 'IMPORT', $4, $4
            FROM unnest($5::timestamptz[], $6::timestamptz[]) AS p(s, e)
            ON CONFLICT DO NOTHING
            RETURNING start_at""")
        .execute(Tuple.from(new Object[] {professionalId, siteId, kind.name(), SqlTime.utc(now), starts, ends}))
        .map(rows -> {
          java.util.Set<Instant> created = new java.util.HashSet<>();
          rows.forEach(r -> created.add(r.getOffsetDateTime("start_at").toInstant()));
          return periods.stream().filter(p -> !created.contains(p.start())).toList();
        });
  }

  /** Books the slot if, and only if, it is free and starts after {@code now}. */
  public Future<Optional<Slot>> claim(SqlClient db, UUID id, Instant now) {
    return db.preparedQuery("UPDATE slot SET status = 'booked', updated_at = $2"
            + " WHERE id = $1 AND status = 'free' AND start_at > $2 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, SqlTime.utc(now)))
        .map(SlotStore::first);
  }

  /** Frees a booked slot (blocked if an absence covers it), or cancels it once it has started. */
  public Future<Slot> release(SqlClient db, UUID id, Instant now) {
    return db.preparedQuery("""
            UPDATE slot s SET updated_at = $2, status = CASE
                WHEN s.start_at <= $2 THEN 'cancelled'
                WHEN EXISTS (SELECT 1 FROM absence a WHERE a.professional_id = s.professional_id
                             AND tstzrange(a.from_at, a.to_at) && tstzrange(s.start_at, s.end_at)) THEN 'blocked'
                ELSE 'free' END
            WHERE s.id = $1 AND s.status = 'booked'
            RETURNING\s""" + COLUMNS)
        .execute(Tuple.of(id, SqlTime.utc(now)))
        .compose(rows -> rows.size() == 1 ? Future.succeededFuture(toSlot(rows.iterator().next()))
            : findById(db, id, false).map(found -> found.orElseThrow()));
  }

  public Future<Optional<Slot>> findById(SqlClient db, UUID id, boolean forUpdate) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM slot WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(id))
        .map(rows -> first(rows));
  }

  /** A live slot of this professional overlapping [start, end), if any. */
  public Future<Optional<Slot>> findOverlapping(SqlClient db, UUID professionalId, OffsetDateTime start,
                                                OffsetDateTime end) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM slot WHERE professional_id = $1 AND status <> 'cancelled'"
            + " AND tstzrange(start_at, end_at) && tstzrange($2, $3) ORDER BY start_at LIMIT 1")
        .execute(Tuple.of(professionalId, start, end))
        .map(rows -> first(rows));
  }

  public Future<List<Slot>> find(SqlClient db, SlotQuery q) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM slot WHERE professional_id = $1"
            + " AND start_at >= $2 AND start_at < $3 AND ($4::text IS NULL OR status = $4)"
            + " AND ($5::text IS NULL OR kind = $5) ORDER BY start_at LIMIT 5000")
        .execute(Tuple.of(q.professionalId(), SqlTime.utc(q.from()), SqlTime.utc(q.to()),
            q.status() == null ? null : q.status().wire(), q.kind() == null ? null : q.kind().name()))
        .map(SlotStore::all);
  }

  /**
   * Free slots of these professionals and kinds starting in [from, to] and after {@code now}, by start. An
   * index-only scan of the partial index on free slots by professional, which carries every column read here (V28);
   * the status is the index's predicate, so it is written as a constant rather than read from the table.
   */
  public Future<List<Slot>> findFree(SqlClient db, List<UUID> professionals, Instant from, Instant to, Instant now,
                                     Set<SlotKind> kinds) {
    return db.preparedQuery("SELECT id, professional_id, site_id, kind, 'free' AS status, start_at, end_at, source,"
            + " rule_id FROM slot WHERE professional_id = ANY ($1) AND status = 'free'"
            + " AND start_at >= $2 AND start_at <= $3 AND start_at > $4 AND kind = ANY ($5)"
            + " ORDER BY start_at, id")
        .execute(Tuple.of(professionals.toArray(UUID[]::new), SqlTime.utc(from), SqlTime.utc(to), SqlTime.utc(now),
            kinds.stream().map(SlotKind::name).toArray(String[]::new)))
        .map(SlotStore::all);
  }

  /** Changes whenever a slot of this professional in the window changes. */
  public Future<String> fingerprint(SqlClient db, UUID professionalId, Instant from, Instant to) {
    return db.preparedQuery("SELECT count(*) || '-' || coalesce(extract(epoch FROM max(updated_at))::text, '0')"
            + " FROM slot WHERE professional_id = $1 AND start_at >= $2 AND start_at < $3")
        .execute(Tuple.of(professionalId, SqlTime.utc(from), SqlTime.utc(to)))
        .map(rows -> rows.iterator().next().getString(0));
  }

  public Future<Void> setStatus(SqlClient db, UUID id, SlotStatus status, Instant now) {
    return db.preparedQuery("UPDATE slot SET status = $2, updated_at = $3 WHERE id = $1")
        .execute(Tuple.of(id, status.wire(), SqlTime.utc(now)))
        .mapEmpty();
  }

  /** Cancels a rule's future slots that nobody booked; returns how many. */
  public Future<Integer> cancelFutureUnbooked(SqlClient db, UUID ruleId, Instant now) {
    return db.preparedQuery("UPDATE slot SET status = 'cancelled', updated_at = $2"
            + " WHERE rule_id = $1 AND status IN ('free', 'blocked') AND start_at > $2")
        .execute(Tuple.of(ruleId, SqlTime.utc(now)))
        .map(RowSet::rowCount);
  }

  public Future<List<Slot>> futureBookedOfRule(SqlClient db, UUID ruleId, Instant now) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM slot WHERE rule_id = $1 AND status = 'booked'"
            + " AND start_at > $2 ORDER BY start_at")
        .execute(Tuple.of(ruleId, SqlTime.utc(now)))
        .map(SlotStore::all);
  }

  /** Blocks the professional's free slots overlapping [from, to); returns how many. */
  public Future<Integer> blockFreeBetween(SqlClient db, UUID professionalId, Instant from, Instant to, Instant now) {
    return db.preparedQuery("UPDATE slot SET status = 'blocked', updated_at = $4 WHERE professional_id = $1"
            + " AND status = 'free' AND tstzrange(start_at, end_at) && tstzrange($2, $3)")
        .execute(Tuple.of(professionalId, SqlTime.utc(from), SqlTime.utc(to), SqlTime.utc(now)))
        .map(RowSet::rowCount);
  }

  public Future<List<Slot>> bookedBetween(SqlClient db, UUID professionalId, Instant from, Instant to) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM slot WHERE professional_id = $1 AND status = 'booked'"
            + " AND tstzrange(start_at, end_at) && tstzrange($2, $3) ORDER BY start_at")
        .execute(Tuple.of(professionalId, SqlTime.utc(from), SqlTime.utc(to)))
        .map(SlotStore::all);
  }

  private static Optional<Slot> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(toSlot(rows.iterator().next()));
  }

  private static List<Slot> all(RowSet<Row> rows) {
    List<Slot> slots = new ArrayList<>(rows.size());
    rows.forEach(row -> slots.add(toSlot(row)));
    return slots;
  }

  private static Slot toSlot(Row row) {
    return new Slot(row.getUUID("id"), row.getUUID("professional_id"), row.getUUID("site_id"),
        SlotKind.valueOf(row.getString("kind")), SlotStatus.fromWire(row.getString("status")),
        SqlTime.paris(row.getOffsetDateTime("start_at")), SqlTime.paris(row.getOffsetDateTime("end_at")),
        SlotSource.valueOf(row.getString("source")), row.getUUID("rule_id"));
  }



  /** The territory of the slot's site. */
  public Future<Optional<Set<String>>> territoriesOf(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT ARRAY[c.territory_id] FROM slot sl JOIN site s ON s.id = sl.site_id"
        + " JOIN commune c ON c.insee = s.commune_insee WHERE sl.id = $1", id);
  }
}
