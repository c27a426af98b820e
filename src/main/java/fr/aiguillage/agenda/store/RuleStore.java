package fr.aiguillage.agenda.store;

import fr.aiguillage.db.TerritoriesQuery;
import java.util.Set;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.agenda.model.AvailabilityRule;
import fr.aiguillage.agenda.model.SlotKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for availability rules. */
public final class RuleStore {

  /** A rule due for extension, and how far its slots go today (null: never materialised). */
  public record Due(AvailabilityRule rule, Instant materialisedUntil) {
  }

  private static final String COLUMNS = "id, professional_id, site_id, kind, rrule, start_time, end_time,"
      + " slot_minutes, valid_from, valid_until, exdates, active";

  public Future<Void> insert(SqlClient db, AvailabilityRule r, Instant now) {
    return db.preparedQuery("INSERT INTO availability_rule (" + COLUMNS + ", created_at, updated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, $12, $12)")
        .execute(Tuple.from(values(r, now)))
        .mapEmpty();
  }

  public Future<Void> update(SqlClient db, AvailabilityRule r, Instant now) {
    return db.preparedQuery("""
            UPDATE availability_rule SET site_id = $3, kind = $4, rrule = $5, start_time = $6, end_time = $7,
              slot_minutes = $8, valid_from = $9, valid_until = $10, exdates = $11, updated_at = $12,
              materialised_until = NULL
            WHERE id = $1 AND professional_id = $2""")
        .execute(Tuple.from(values(r, now)))
        .mapEmpty();
  }

  public Future<Void> deactivate(SqlClient db, UUID id, Instant now) {
    return db.preparedQuery("UPDATE availability_rule SET active = false, updated_at = $2 WHERE id = $1")
        .execute(Tuple.of(id, SqlTime.utc(now)))
        .mapEmpty();
  }

  public Future<Void> markMaterialised(SqlClient db, UUID id, Instant until) {
    return db.preparedQuery("UPDATE availability_rule SET materialised_until = $2 WHERE id = $1")
        .execute(Tuple.of(id, SqlTime.utc(until)))
        .mapEmpty();
  }

  public Future<Optional<AvailabilityRule>> findById(SqlClient db, UUID id, boolean forUpdate) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM availability_rule WHERE id = $1 AND active"
            + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRule(rows.iterator().next())));
  }

  /**
   * Active rules whose slots stop short of {@code horizon}, locked so that another instance running the
   * same job skips them instead of waiting.
   */
  public Future<List<Due>> lockDue(SqlClient db, Instant horizon, int limit) {
    return db.preparedQuery("SELECT " + COLUMNS + ", materialised_until FROM availability_rule"
            + " WHERE active AND (materialised_until IS NULL OR materialised_until < $1)"
            + " ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(SqlTime.utc(horizon), limit))
        .map(rows -> {
          List<Due> due = new ArrayList<>();
          rows.forEach(row -> due.add(new Due(toRule(row), row.getOffsetDateTime("materialised_until") == null
              ? null : row.getOffsetDateTime("materialised_until").toInstant())));
          return due;
        });
  }

  private static Object[] values(AvailabilityRule r, Instant now) {
    return new Object[] {r.id(), r.professionalId(), r.siteId(), r.kind().name(), r.rrule(), r.startTime(),
        r.endTime(), r.slotMinutes(), r.validFrom(), r.validUntil(), r.exdates().toArray(LocalDate[]::new),
        SqlTime.utc(now)};
  }

  private static AvailabilityRule toRule(Row row) {
    return new AvailabilityRule(row.getUUID("id"), row.getUUID("professional_id"), row.getUUID("site_id"),
        SlotKind.valueOf(row.getString("kind")), row.getString("rrule"), row.getLocalTime("start_time"),
        row.getLocalTime("end_time"), row.getInteger("slot_minutes"), row.getLocalDate("valid_from"),
        row.getLocalDate("valid_until"), Arrays.asList(row.getArrayOfLocalDates("exdates")),
        row.getBoolean("active"));
  }

  /** The territory of the rule's site. */
  public Future<Optional<Set<String>>> territoriesOf(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT ARRAY[c.territory_id] FROM availability_rule r"
        + " JOIN site s ON s.id = r.site_id"
        + " JOIN commune c ON c.insee = s.commune_insee WHERE r.id = $1", id);
  }
}
