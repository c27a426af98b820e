package fr.aiguillage.triage.store;

import fr.aiguillage.db.TerritoriesQuery;
import java.util.Set;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.json.Json;
import fr.aiguillage.triage.model.Assessment;
import fr.aiguillage.triage.model.Orientation;
import fr.aiguillage.triage.model.Question;
import fr.aiguillage.triage.model.RedFlag;
import fr.aiguillage.triage.model.TriageRequest;
import fr.aiguillage.triage.model.Urgency;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** SQL for triage assessments. */
public final class TriageStore {

  private static final String COLUMNS = "id, call_id, patient_id, territory_id, urgency, orientation, red_flags,"
      + " out_of_hours, advice, rules_version, decided_by, override_urgency, override_orientation, override_reason,"
      + " overridden_by, overridden_at, created_at, rule_id, explanation, open_questions";

  public Future<Void> insert(SqlClient tx, Assessment a, TriageRequest r, UUID createdBy, Instant now) {
    return tx.preparedQuery("""
            INSERT INTO triage_assessment (id, call_id, patient_id, territory_id, age, sex, complaint, red_flags, answers,
              rules_version, decided_by, urgency, orientation, out_of_hours, advice, created_by, created_at, rule_id,
              explanation, open_questions)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)""")
        .execute(Tuple.from(new Object[] {a.id(), a.callId(), a.patientId(), a.territoryId(),
            java.math.BigDecimal.valueOf(r.age()), r.sex(), r.complaint().name(),
            a.redFlags().stream().map(Enum::name).toArray(String[]::new),
            new JsonObject(r.answers() == null ? java.util.Map.of() : r.answers()), a.rulesVersion(), a.decidedBy(),
            a.urgency().name(), json(a.orientation()), a.outOfHours(), a.advice(), createdBy, SqlTime.utc(now), a.ruleId(), a.explanation(),
            new io.vertx.core.json.JsonArray(Json.text(a.questions()))}))
        .mapEmpty();
  }

  public Future<Assessment> override(SqlClient tx, UUID id, Urgency urgency, Orientation orientation, String reason,
                                     UUID by, Instant now) {
    return tx.preparedQuery("UPDATE triage_assessment SET override_urgency = $2, override_orientation = $3,"
            + " override_reason = $4, overridden_by = $5, overridden_at = $6 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.from(new Object[] {id, urgency.name(), json(orientation), reason, by, SqlTime.utc(now)}))
        .map(rows -> toAssessment(rows.iterator().next()));
  }

  public Future<Optional<Assessment>> findById(SqlClient db, UUID id) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM triage_assessment WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toAssessment(rows.iterator().next())));
  }

  private static Assessment toAssessment(Row r) {
    Assessment.Override override = r.getString("override_urgency") == null ? null
        : new Assessment.Override(Urgency.valueOf(r.getString("override_urgency")),
            orientation(r.getJson("override_orientation")), r.getString("override_reason"), r.getUUID("overridden_by"),
            SqlTime.paris(r.getOffsetDateTime("overridden_at")));
    return new Assessment(r.getUUID("id"), r.getUUID("call_id"), r.getUUID("patient_id"), r.getString("territory_id"),
        Urgency.valueOf(r.getString("urgency")), orientation(r.getJson("orientation")),
        Arrays.stream(r.getArrayOfStrings("red_flags")).map(RedFlag::valueOf).toList(), r.getBoolean("out_of_hours"),
        r.getString("advice"), r.getString("rules_version"), r.getString("decided_by"), r.getString("rule_id"),
        r.getString("explanation"), questions(r.getJson("open_questions")), override,
        SqlTime.paris(r.getOffsetDateTime("created_at")));
  }

  private static java.util.List<Question> questions(Object json) {
    if (!(json instanceof io.vertx.core.json.JsonArray a)) {
      return java.util.List.of();
    }
    try {
      return java.util.List.of(Json.MAPPER.readValue(a.encode(), Question[].class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored questions unreadable", e);
    }
  }

  private static Object json(Orientation o) {
    return o == null ? null : new JsonObject(Json.text(o));
  }

  private static Orientation orientation(Object json) {
    if (!(json instanceof JsonObject o)) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(o.encode(), Orientation.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored orientation unreadable", e);
    }
  }

  /** The territory the triage was made in (none for a triage without one). */
  public Future<Optional<Set<String>>> territoriesOf(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT array_remove(ARRAY[territory_id], NULL)"
        + " FROM triage_assessment WHERE id = $1", id);
  }
}
