package fr.aiguillage.security.store;

import fr.aiguillage.db.TerritoriesQuery;
import java.util.Set;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.security.model.Account;
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

/** SQL for accounts and their sessions. */
public final class AccountStore {

  private static final String ACCOUNT_COLUMNS = "a.id, a.login, a.roles, a.territories, a.professional_id";
  /**
   * The columns of a signed-in account: a link to a professional who practises in none of the account's
   * territories (made before that rule, docs/decisions/0006) is not honoured.
   */
  private static final String SIGNED_IN_COLUMNS = "a.id, a.login, a.roles, a.territories, CASE WHEN"
      + " professional_in_territories(a.professional_id, a.territories) THEN a.professional_id END AS professional_id";

  /** An account linked to a professional who practises in none of its territories. */
  public record CrossLink(UUID accountId, UUID professionalId, List<String> territories) {
  }

  /** An account with its password hash, for login only. */
  public record Credentials(Account account, String passwordHash, boolean mustChangePassword) {
  }

  public Future<Void> insert(SqlClient db, Account account, String passwordHash, Instant now) {
    return insert(db, account, passwordHash, now, false);
  }

  /** {@code mustChangePassword}: created by someone else, so its password is to be changed at first sign-in. */
  public Future<Void> insert(SqlClient db, Account account, String passwordHash, Instant now,
                             boolean mustChangePassword) {
    return db.preparedQuery("""
            INSERT INTO account (id, login, password_hash, roles, territories, professional_id, created_at,
                                 must_change_password)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
        .execute(Tuple.from(new Object[] {account.id(), account.login(), passwordHash,
            account.roles().stream().map(Role::name).toArray(String[]::new),
            account.territories().toArray(String[]::new), account.professionalId(), SqlTime.utc(now),
            mustChangePassword}))
        .mapEmpty();
  }

  /** A new password chosen by the account's owner: the first-sign-in obligation is met. */
  public Future<Void> changePassword(SqlClient db, UUID accountId, String passwordHash) {
    return db.preparedQuery("UPDATE account SET password_hash = $2, must_change_password = false WHERE id = $1")
        .execute(Tuple.of(accountId, passwordHash)).mapEmpty();
  }

  public Future<Boolean> anyExists(SqlClient db) {
    return db.query("SELECT EXISTS (SELECT 1 FROM account) AS present").execute()
        .map(rows -> rows.iterator().next().getBoolean("present"));
  }

  public Future<Optional<Credentials>> findCredentials(SqlClient db, String login) {
    return db.preparedQuery("SELECT " + SIGNED_IN_COLUMNS + ", a.password_hash, a.must_change_password FROM account a"
            + " WHERE a.login = $1 AND a.active")
        .execute(Tuple.of(login))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(new Credentials(toAccount(rows.iterator().next()),
                rows.iterator().next().getString("password_hash"),
                rows.iterator().next().getBoolean("must_change_password"))));
  }

  public Future<Optional<Account>> findById(SqlClient db, UUID id) {
    return db.preparedQuery("SELECT " + ACCOUNT_COLUMNS + " FROM account a WHERE a.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toAccount(rows.iterator().next())));
  }

  public Future<Void> insertSession(SqlClient db, byte[] tokenHash, UUID accountId, Instant now, Instant expiresAt) {
    return db.preparedQuery("""
            INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)""")
        .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(tokenHash), accountId, SqlTime.utc(now), SqlTime.utc(expiresAt)))
        .mapEmpty();
  }

  /** A live session's account and when the session ends. */
  public record LiveSession(Account account, Instant expiresAt, boolean mustChangePassword) {
  }

  /** The account of a live session (not revoked, not expired, account active). */
  public Future<Optional<LiveSession>> findBySession(SqlClient db, byte[] tokenHash, Instant now) {
    return db.preparedQuery("SELECT " + SIGNED_IN_COLUMNS + ", s.expires_at, a.must_change_password FROM session s"
            + " JOIN account a ON a.id = s.account_id"
            + " WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND a.active")
        .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(tokenHash), SqlTime.utc(now)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new LiveSession(
            toAccount(rows.iterator().next()), rows.iterator().next().getOffsetDateTime("expires_at").toInstant(),
            rows.iterator().next().getBoolean("must_change_password"))));
  }

  public Future<Void> revokeSession(SqlClient db, byte[] tokenHash, Instant now) {
    return db.preparedQuery("UPDATE session SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(tokenHash), SqlTime.utc(now)))
        .mapEmpty();
  }

  private static Account toAccount(Row row) {
    List<Role> roles = Arrays.stream(row.getArrayOfStrings("roles")).map(Role::valueOf).toList();
    return new Account(row.getUUID("id"), row.getString("login"), roles,
        List.of(row.getArrayOfStrings("territories")), row.getUUID("professional_id"));
  }


  /** The territories the account is scoped to. */
  public Future<Optional<Set<String>>> territoriesOf(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT territories FROM account WHERE id = $1", id);
  }

  /** Active accounts linked across territories, for the start-up report. */
  public Future<List<CrossLink>> crossLinked(SqlClient db) {
    return db.query("SELECT id, professional_id, territories FROM account WHERE active AND professional_id IS NOT NULL"
            + " AND NOT professional_in_territories(professional_id, territories) ORDER BY created_at").execute()
        .map(rows -> {
          List<CrossLink> links = new java.util.ArrayList<>();
          rows.forEach(row -> links.add(new CrossLink(row.getUUID("id"), row.getUUID("professional_id"),
              List.of(row.getArrayOfStrings("territories")))));
          return links;
        });
  }
}
