package fr.aiguillage.waitlist.store;

import fr.aiguillage.db.TerritoriesQuery;
import java.util.Set;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.waitlist.model.CloseReason;
import fr.aiguillage.waitlist.model.Request;
import fr.aiguillage.waitlist.model.Source;
import fr.aiguillage.waitlist.model.WaitlistStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for waiting-list requests and their history. One open request per person is a unique index. */
public final class WaitlistStore {


  /**
   * Fragility points, plus whole months waited (at parameter {@code now}) times parameter {@code now + 1},
   * capped at parameter {@code now + 2}.
   */
  private static String priority(int now) {
    return ("(r.fragility_points + LEAST($C::int, $M::int * (12 * extract(year FROM age($N::timestamptz, r.created_at))"
        + " + extract(month FROM age($N::timestamptz, r.created_at)))::int))")
        .replace("$N", "$" + now).replace("$M", "$" + (now + 1)).replace("$C", "$" + (now + 2));
  }
  private static final String COLUMNS = "r.id, r.patient_id, r.territory_id, r.source, r.notes, r.reported_by,"
      + " r.status, r.close_reason, r.priority_reasons, r.assigned_to, r.created_at, r.fragility_points";

  /** What ordering and filtering need. */
  public record Query(List<String> territories, WaitlistStatus status, String communeInsee, String fragility,
                      String territory, int limit, int offset) {
  }

  /** A page of requests and the total. */
  public record Page(List<Request> items, long total, int limit, int offset) {
  }

  public Future<Void> insert(SqlClient tx, Request r, String identityKey, String phone, int fragilityPoints,
                             Instant now) {
    return tx.preparedQuery("""
            INSERT INTO waitlist_request (id, patient_id, territory_id, source, notes, reported_by, status,
              identity_key, phone, fragility_points, priority_reasons, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8, $9, $10, $11, $11)""")
        .execute(Tuple.from(new Object[] {r.id(), r.patientId(), r.territoryId(), r.source().name(), r.notes(),
            r.reportedBy(), identityKey, phone, fragilityPoints, r.reasons().toArray(String[]::new), SqlTime.utc(now)}))
        .mapEmpty();
  }

  /** The open request of this person (same identity or same phone), if any. */
  /** An open request of the same person: its id and territory. */
  public record Open(UUID id, String territoryId) {
  }

  public Future<Optional<Open>> findOpen(SqlClient db, String identityKey, String phone) {
    return db.preparedQuery("SELECT id, territory_id FROM waitlist_request WHERE status IN ('OPEN', 'PROPOSED')"
            + " AND (identity_key = $1 OR ($2::text IS NOT NULL AND phone = $2)) LIMIT 1")
        .execute(Tuple.of(identityKey, phone))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new Open(rows.iterator().next().getUUID(0),
            rows.iterator().next().getString(1))));
  }

  public Future<Void> history(SqlClient tx, UUID id, UUID accountId, WaitlistStatus from, WaitlistStatus to,
                              String reason, Instant now) {
    return tx.preparedQuery("INSERT INTO waitlist_history (request_id, at, account_id, from_status, to_status, reason)"
            + " VALUES ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(id, SqlTime.utc(now), accountId, from == null ? null : from.name(), to.name(), reason))
        .mapEmpty();
  }

  public Future<Void> setStatus(SqlClient tx, UUID id, WaitlistStatus status, CloseReason reason, UUID assignedTo,
                                Instant now) {
    return tx.preparedQuery("UPDATE waitlist_request SET status = $2, close_reason = $3,"
            + " assigned_to = COALESCE($4, assigned_to),"
            + " assigned_at = CASE WHEN $2 = 'ASSIGNED' THEN $5::timestamptz END, updated_at = $5 WHERE id = $1")
        .execute(Tuple.of(id, status.name(), reason == null ? null : reason.name(), assignedTo, SqlTime.utc(now)))
        .mapEmpty();
  }

  public Future<Optional<Request>> findById(SqlClient db, UUID id, Instant now, int perMonth, int cap,
                                            boolean forUpdate) {
    return db.preparedQuery("SELECT " + COLUMNS + ", " + priority(2) + " AS priority FROM waitlist_request r"
            + " WHERE r.id = $1" + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(id, SqlTime.utc(now), perMonth, cap))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(Optional.<Request>empty())
            : historyOf(db, id).map(h -> Optional.of(toRequest(rows.iterator().next(), h))));
  }

  public Future<Page> find(SqlClient db, Query q, Instant now, int perMonth, int cap) {
    String where = " FROM waitlist_request r JOIN patient p ON p.id = r.patient_id WHERE r.territory_id = ANY ($1)"
        + " AND ($2::text IS NULL OR r.status = $2) AND ($3::text IS NULL OR p.commune_insee = $3)"
        + " AND ($4::text IS NULL OR $4 = ANY (r.priority_reasons)) AND ($5::text IS NULL OR r.territory_id = $5)";
    Object[] params = {q.territories().toArray(String[]::new), q.status() == null ? null : q.status().name(),
        q.communeInsee(), q.fragility(), q.territory(), SqlTime.utc(now), perMonth, cap, q.limit(), q.offset()};
    Future<Long> total = db.preparedQuery("SELECT count(*)" + where)
        .execute(Tuple.from(java.util.Arrays.copyOf(params, 5))).map(rows -> rows.iterator().next().getLong(0));
    Future<List<Request>> items = db.preparedQuery("SELECT " + COLUMNS + ", " + priority(6) + " AS priority" + where
            + " ORDER BY priority DESC, r.created_at, r.id LIMIT $9 OFFSET $10")
        .execute(Tuple.from(params))
        .map(rows -> {
          List<Request> found = new ArrayList<>();
          rows.forEach(row -> found.add(toRequest(row, List.of())));
          return found;
        });
    return Future.all(total, items).map(all -> new Page(items.result(), total.result(), q.limit(), q.offset()));
  }

  /** Figures for a territory: open requests by reason and commune, assignments, median wait, capacity. */
  public Future<JsonObject> stats(SqlClient db, String territory, Instant from, Instant to) {
    return db.preparedQuery("""
            SELECT
              (SELECT coalesce(json_object_agg(reason, n), '{}') FROM (
                 SELECT unnest(CASE WHEN cardinality(priority_reasons) = 0 THEN ARRAY['NONE'] ELSE priority_reasons END)
                        AS reason, count(*) AS n
                 FROM waitlist_request WHERE territory_id = $1 AND status IN ('OPEN', 'PROPOSED') GROUP BY 1) f)
                AS by_fragility,
              (SELECT coalesce(json_object_agg(commune_insee, n), '{}') FROM (
                 SELECT p.commune_insee, count(*) AS n FROM waitlist_request r JOIN patient p ON p.id = r.patient_id
                 WHERE r.territory_id = $1 AND r.status IN ('OPEN', 'PROPOSED') GROUP BY 1) c) AS by_commune,
              (SELECT count(*) FROM waitlist_request WHERE territory_id = $1 AND status IN ('OPEN', 'PROPOSED'))
                AS open,
              (SELECT count(*) FROM waitlist_request WHERE territory_id = $1 AND status = 'ASSIGNED'
                 AND assigned_at >= $2 AND assigned_at < $3) AS assigned,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM assigned_at - created_at) / 86400)
                 FROM waitlist_request WHERE territory_id = $1 AND status = 'ASSIGNED'
                 AND assigned_at >= $2 AND assigned_at < $3) AS median_days""")
        .execute(Tuple.of(territory, SqlTime.utc(from), SqlTime.utc(to)))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new JsonObject().put("openByFragility", r.getValue("by_fragility"))
              .put("openByCommune", r.getValue("by_commune")).put("open", r.getLong("open"))
              .put("assignedInPeriod", r.getLong("assigned"))
              .put("medianDaysToAssignment", r.getValue("median_days") == null ? null
                  : Math.round(r.getDouble("median_days") * 10) / 10.0);
        });
  }

  private Future<List<Request.HistoryEntry>> historyOf(SqlClient db, UUID id) {
    return db.preparedQuery("SELECT at, account_id, from_status, to_status, reason FROM waitlist_history"
            + " WHERE request_id = $1 ORDER BY id")
        .execute(Tuple.of(id))
        .map(rows -> {
          List<Request.HistoryEntry> entries = new ArrayList<>();
          rows.forEach(r -> entries.add(new Request.HistoryEntry(SqlTime.paris(r.getOffsetDateTime("at")), r.getUUID("account_id"),
              r.getString("from_status") == null ? null : WaitlistStatus.valueOf(r.getString("from_status")),
              WaitlistStatus.valueOf(r.getString("to_status")), r.getString("reason"))));
          return entries;
        });
  }

  private static Request toRequest(Row r, List<Request.HistoryEntry> history) {
    return new Request(r.getUUID("id"), r.getUUID("patient_id"), r.getString("territory_id"),
        Source.valueOf(r.getString("source")), r.getString("notes"), r.getUUID("reported_by"),
        WaitlistStatus.valueOf(r.getString("status")),
        r.getString("close_reason") == null ? null : CloseReason.valueOf(r.getString("close_reason")),
        r.getInteger("priority"), List.of(r.getArrayOfStrings("priority_reasons")), r.getUUID("assigned_to"),
        SqlTime.paris(r.getOffsetDateTime("created_at")), history);
  }



  /** The territory of the request. */
  public Future<Optional<Set<String>>> territoriesOf(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT ARRAY[territory_id] FROM waitlist_request WHERE id = $1", id);
  }
}
