package fr.aiguillage.security.store;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for managing existing accounts: list, deactivate, reset a password; each ends the account's sessions. */
public final class AccountAdminStore {

  /** An account as a coordinator manages it: never its password. */
  public record ManagedAccount(UUID id, String login, List<Role> roles, List<String> territories, UUID professionalId,
                               boolean active, boolean mustChangePassword) {
  }

  private static final String COLUMNS =
      "id, login, roles, territories, professional_id, active, must_change_password FROM account";

  /** Accounts sharing a territory with {@code territories} (all when null), by login; at most 1000. */
  public Future<List<ManagedAccount>> list(SqlClient db, List<String> territories) {
    return (territories == null
        ? db.preparedQuery("SELECT " + COLUMNS + " ORDER BY login LIMIT 1000").execute()
        : db.preparedQuery("SELECT " + COLUMNS + " WHERE territories && $1::text[] ORDER BY login LIMIT 1000")
            .execute(Tuple.of(territories.toArray(String[]::new))))
        .map(rows -> {
          List<ManagedAccount> out = new java.util.ArrayList<>();
          rows.forEach(r -> out.add(toAccount(r)));
          return out;
        });
  }

  public Future<Optional<ManagedAccount>> find(SqlClient db, UUID id) {
    return db.preparedQuery("SELECT " + COLUMNS + " WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toAccount(rows.iterator().next())));
  }

  public Future<Void> deactivate(SqlClient db, UUID id, Instant now) {
    return db.preparedQuery("UPDATE account SET active = false WHERE id = $1").execute(Tuple.of(id))
        .compose(v -> endSessions(db, id, now));
  }

  public Future<Void> resetPassword(SqlClient db, UUID id, String hash, Instant now) {
    return db.preparedQuery("UPDATE account SET password_hash = $2, must_change_password = true WHERE id = $1")
        .execute(Tuple.of(id, hash))
        .compose(v -> endSessions(db, id, now));
  }

  private static Future<Void> endSessions(SqlClient db, UUID id, Instant now) {
    return db.preparedQuery("UPDATE session SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(id, SqlTime.utc(now))).mapEmpty();
  }

  private static ManagedAccount toAccount(Row r) {
    return new ManagedAccount(r.getUUID("id"), r.getString("login"),
        Arrays.stream(r.getArrayOfStrings("roles")).map(Role::valueOf).toList(),
        List.of(r.getArrayOfStrings("territories")), r.getUUID("professional_id"), r.getBoolean("active"),
        r.getBoolean("must_change_password"));
  }
}
