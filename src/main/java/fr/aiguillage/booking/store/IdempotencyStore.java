package fr.aiguillage.booking.store;

import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys, reserved inside the booking's transaction: a concurrent retry with the same key waits
 * on the primary key until the first attempt commits (then replays it) or rolls back (then books itself).
 */
public final class IdempotencyStore {

  /** A key already used: the hash of its request and, once answered, the answer. */
  public record Used(byte[] requestHash, String responseJson) {

    public boolean sameRequest(byte[] hash) {
      return Arrays.equals(requestHash, hash);
    }
  }

  /** Reserves the key; empty when reserved now, the earlier use otherwise. */
  public Future<Optional<Used>> reserve(SqlClient tx, UUID accountId, String key, byte[] hash, Instant now) {
    return tx.preparedQuery("INSERT INTO idempotency_key (account_id, key, request_hash, created_at)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(accountId, key, io.vertx.core.buffer.Buffer.buffer(hash), SqlTime.utc(now)))
        .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture(Optional.<Used>empty())
            : tx.preparedQuery("SELECT request_hash, response_body::text AS body FROM idempotency_key"
                    + " WHERE account_id = $1 AND key = $2")
                .execute(Tuple.of(accountId, key))
                .map(found -> Optional.of(new Used(found.iterator().next().getBuffer("request_hash").getBytes(),
                    found.iterator().next().getString("body")))));
  }

  public Future<Void> answer(SqlClient tx, UUID accountId, String key, int status, String json) {
    return tx.preparedQuery("UPDATE idempotency_key SET response_status = $3, response_body = $4"
            + " WHERE account_id = $1 AND key = $2")
        .execute(Tuple.of(accountId, key, status, new io.vertx.core.json.JsonObject(json)))
        .mapEmpty();
  }
}
