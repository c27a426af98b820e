package fr.aiguillage.push.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.push.model.PushRequest;
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

/** SQL of push_recipient: who was asked, saw, declined; the links' token hashes. */
public final class RecipientStore {

  /** One professional to ask, with the hash of their link's token. */
  public record Asked(UUID professionalId, int ring, boolean onDuty, byte[] tokenHash) {
  }

  /** A recipient row as the recipient side needs it. */
  public record Held(UUID requestId, UUID professionalId, int ring, OffsetDateTime askedAt, OffsetDateTime seenAt,
                     OffsetDateTime declinedAt) {
  }

  public Future<Void> insert(SqlClient tx, UUID requestId, List<Asked> asked, Instant now) {
    if (asked.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = asked.stream().map(a -> Tuple.of(requestId, a.professionalId(), a.ring(), a.onDuty(),
        SqlTime.utc(now), io.vertx.core.buffer.Buffer.buffer(a.tokenHash()))).toList();
    return tx.preparedQuery("INSERT INTO push_recipient (request_id, professional_id, ring, on_duty, asked_at,"
            + " token_hash) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_id, professional_id) DO NOTHING")
        .executeBatch(rows).mapEmpty();
  }

  /** Everyone asked, with the name and phone the senders need, in the order they were asked (on duty first). */
  public Future<List<PushRequest.Recipient>> ofRequest(SqlClient db, UUID requestId) {
    return db.preparedQuery("""
            SELECT x.professional_id, p.given_name || ' ' || p.family_name AS name, p.phone, x.ring, x.on_duty,
                   x.asked_at, x.seen_at, x.declined_at, x.decline_reason
            FROM push_recipient x JOIN professional p ON p.id = x.professional_id
            WHERE x.request_id = $1 ORDER BY x.ring, x.on_duty DESC, p.family_name, p.id""")
        .execute(Tuple.of(requestId))
        .map(rows -> {
          List<PushRequest.Recipient> found = new ArrayList<>();
          rows.forEach(r -> found.add(new PushRequest.Recipient(r.getUUID("professional_id"), r.getString("name"),
              r.getString("phone"), r.getInteger("ring"), r.getBoolean("on_duty"), paris(r, "asked_at"),
              paris(r, "seen_at"), paris(r, "declined_at"), r.getString("decline_reason"))));
          return found;
        });
  }

  public Future<Optional<Held>> find(SqlClient db, UUID requestId, UUID professionalId) {
    return db.preparedQuery("SELECT " + HELD + " FROM push_recipient WHERE request_id = $1 AND professional_id = $2")
        .execute(Tuple.of(requestId, professionalId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(held(rows.iterator().next())));
  }

  public Future<Optional<Held>> byToken(SqlClient db, byte[] tokenHash) {
    return db.preparedQuery("SELECT " + HELD + " FROM push_recipient WHERE token_hash = $1")
        .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(tokenHash)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(held(rows.iterator().next())));
  }

  /** The open requests a professional was asked and has not declined, newest first. */
  public Future<List<UUID>> openFor(SqlClient db, UUID professionalId, int limit) {
    return db.preparedQuery("""
            SELECT x.request_id FROM push_recipient x JOIN push_request r ON r.id = x.request_id
            WHERE x.professional_id = $1 AND r.status = 'OPEN' AND x.declined_at IS NULL
            ORDER BY x.asked_at DESC LIMIT $2""")
        .execute(Tuple.of(professionalId, limit))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(r -> ids.add(r.getUUID(0)));
          return ids;
        });
  }

  /** True the first time (the first sight is the one the senders see). */
  public Future<Boolean> markSeen(SqlClient db, UUID requestId, UUID professionalId, Instant now) {
    return db.preparedQuery("UPDATE push_recipient SET seen_at = $3 WHERE request_id = $1 AND professional_id = $2"
            + " AND seen_at IS NULL")
        .execute(Tuple.of(requestId, professionalId, SqlTime.utc(now)))
        .map(rows -> rows.rowCount() == 1);
  }

  public Future<Boolean> decline(SqlClient tx, UUID requestId, UUID professionalId, String reason, Instant now) {
    return tx.preparedQuery("UPDATE push_recipient SET declined_at = $3, decline_reason = $4,"
            + " seen_at = coalesce(seen_at, $3) WHERE request_id = $1 AND professional_id = $2 AND declined_at IS NULL")
        .execute(Tuple.of(requestId, professionalId, SqlTime.utc(now), reason))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Who was asked (for the closing event on their streams). */
  public Future<List<UUID>> professionalsOf(SqlClient db, UUID requestId) {
    return db.preparedQuery("SELECT professional_id FROM push_recipient WHERE request_id = $1")
        .execute(Tuple.of(requestId))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(r -> ids.add(r.getUUID(0)));
          return ids;
        });
  }

  private static final String HELD = "request_id, professional_id, ring, asked_at, seen_at, declined_at";

  private static Held held(Row r) {
    return new Held(r.getUUID("request_id"), r.getUUID("professional_id"), r.getInteger("ring"),
        paris(r, "asked_at"), paris(r, "seen_at"), paris(r, "declined_at"));
  }

  private static OffsetDateTime paris(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : SqlTime.paris(t);
  }
}
