package fr.aiguillage.calls.store;

import fr.aiguillage.db.TerritoriesQuery;
import java.util.Set;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.calls.model.Call;
import fr.aiguillage.calls.model.CallOutcome;
import fr.aiguillage.calls.model.CallPatch;
import fr.aiguillage.calls.model.CallQuery;
import fr.aiguillage.calls.model.CallStatus;
import fr.aiguillage.calls.model.TelephonyEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for calls and the provider events behind them. */
public final class CallStore {

  private static final String COLUMNS = "id, provider_call_id, line, territory_id, caller_e164, status, ringing_at,"
      + " answered_at, ended_at, agent, operator_id, patient_id, outcome, note, source, created_at";

  /** Records a provider event once; false when this (call, event) was already received. */
  public Future<Boolean> recordEvent(SqlClient tx, TelephonyEvent e, Instant now) {
    return tx.preparedQuery("INSERT INTO call_event (provider_call_id, event, at, received_at) VALUES ($1, $2, $3, $4)"
            + " ON CONFLICT DO NOTHING")
        .execute(Tuple.of(e.callId(), e.event().wire(), e.at(), SqlTime.utc(now)))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Creates or completes the call from one event, whatever order events arrive in: each time is kept once,
   * and the status only moves to a later stage (ringing → answered → ended or missed).
   */
  public Future<Call> applyEvent(SqlClient tx, TelephonyEvent e, String territory, String callerE164,
                                 String callerRaw, Instant now) {
    return tx.preparedQuery("""
            INSERT INTO call AS c (id, provider_call_id, line, territory_id, caller_e164, caller_raw, status,
                                   ringing_at, answered_at, ended_at, agent, source, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7,
                    CASE WHEN $7 = 'ringing' THEN $8::timestamptz END,
                    CASE WHEN $7 = 'answered' THEN $8::timestamptz END,
                    CASE WHEN $7 IN ('ended', 'missed') THEN $8::timestamptz END,
                    $9, 'TELEPHONY', $10, $10)
            ON CONFLICT (provider_call_id) DO UPDATE SET
              ringing_at = COALESCE(c.ringing_at, EXCLUDED.ringing_at),
              answered_at = COALESCE(c.answered_at, EXCLUDED.answered_at),
              ended_at = COALESCE(c.ended_at, EXCLUDED.ended_at),
              agent = COALESCE(EXCLUDED.agent, c.agent),
              caller_e164 = COALESCE(c.caller_e164, EXCLUDED.caller_e164),
              status = CASE WHEN $11 > (CASE c.status WHEN 'ringing' THEN 1 WHEN 'answered' THEN 2 ELSE 3 END)
                            THEN EXCLUDED.status ELSE c.status END,
              updated_at = EXCLUDED.updated_at
            RETURNING\s""" + COLUMNS)
        .execute(Tuple.from(new Object[] {UUID.randomUUID(), e.callId(), e.to(), territory, callerE164, callerRaw,
            e.event().wire(), e.at(), e.agent(), SqlTime.utc(now), e.event().stage()}))
        .map(rows -> toCall(rows.iterator().next()));
  }

  public Future<Void> insertManual(SqlClient tx, Call c, Instant now) {
    return tx.preparedQuery("INSERT INTO call (id, territory_id, caller_e164, status, answered_at, operator_id,"
            + " patient_id, note, source, created_at, updated_at) VALUES ($1, $2, $3, 'answered', $4, $5, $6, $7,"
            + " 'MANUAL', $4, $4)")
        .execute(Tuple.from(new Object[] {c.id(), c.territoryId(), c.caller(), SqlTime.utc(now), c.operatorId(),
            c.patientId(), c.note()}))
        .mapEmpty();
  }

  public Future<Optional<Call>> findById(SqlClient db, UUID id) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM call WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toCall(rows.iterator().next())));
  }

  public Future<Call> update(SqlClient tx, UUID id, CallPatch p, Instant now) {
    return tx.preparedQuery("UPDATE call SET operator_id = COALESCE($2, operator_id),"
            + " patient_id = COALESCE($3, patient_id), outcome = COALESCE($4, outcome), note = COALESCE($5, note),"
            + " updated_at = $6 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.from(new Object[] {id, p.operatorId(), p.patientId(),
            p.outcome() == null ? null : p.outcome().name(), p.note(), SqlTime.utc(now)}))
        .map(rows -> toCall(rows.iterator().next()));
  }

  public Future<List<Call>> find(SqlClient db, CallQuery q) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM call WHERE territory_id = ANY ($1)"
            + " AND ($2::text IS NULL OR status = $2) AND ($3::timestamptz IS NULL OR created_at >= $3)"
            + " AND ($4::timestamptz IS NULL OR created_at < $4) ORDER BY created_at DESC LIMIT $5")
        .execute(Tuple.from(new Object[] {q.territories().toArray(String[]::new),
            q.status() == null ? null : q.status().wire(), SqlTime.utc(q.from()), SqlTime.utc(q.to()), q.limit()}))
        .map(rows -> {
          List<Call> calls = new ArrayList<>();
          rows.forEach(r -> calls.add(toCall(r)));
          return calls;
        });
  }

  private static Call toCall(Row r) {
    return new Call(r.getUUID("id"), r.getString("provider_call_id"), r.getString("line"), r.getString("territory_id"),
        r.getString("caller_e164"), CallStatus.fromWire(r.getString("status")), paris(r, "ringing_at"),
        paris(r, "answered_at"), paris(r, "ended_at"), r.getString("agent"), r.getUUID("operator_id"),
        r.getUUID("patient_id"), r.getString("outcome") == null ? null : CallOutcome.valueOf(r.getString("outcome")),
        r.getString("note"), r.getString("source"), paris(r, "created_at"));
  }

  private static OffsetDateTime paris(Row r, String column) {
    return SqlTime.paris(r.getOffsetDateTime(column));
  }


  /** The territory of the call's line. */
  public Future<Optional<Set<String>>> territoriesOf(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT ARRAY[territory_id] FROM call WHERE id = $1", id);
  }
}
