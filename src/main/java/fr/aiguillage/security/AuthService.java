package fr.aiguillage.security;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.failure.FieldError;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.PasswordChangeRequired;
import fr.aiguillage.failure.TooManyRequests;
import fr.aiguillage.failure.Unauthorized;
import fr.aiguillage.security.model.Account;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Session;
import fr.aiguillage.security.store.AccountStore;
import fr.aiguillage.security.store.LoginThrottleStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Logging in and out, and recognising a bearer token. */
public final class AuthService {

  private static final String BAD_CREDENTIALS = "wrong login or password";

  private final Pool pool;
  private final Clock clock;
  private final AppConfig.Auth settings;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final AccountStore accounts = new AccountStore();
  private final LoginThrottleStore throttle = new LoginThrottleStore();
  private final SessionCache sessions = new SessionCache();
  private final Future<String> decoyHash;
  private final PasswordPolicy policy = PasswordPolicy.load();

  public AuthService(Pool pool, Clock clock, AppConfig.Auth settings, PasswordHasher hasher, AuditTrail audit) {
    this.pool = pool;
    this.clock = clock;
    this.settings = settings;
    this.hasher = hasher;
    this.audit = audit;
    this.decoyHash = hasher.hash(Tokens.newToken());
  }

  public Future<Session> login(String login, String password, String clientIp) {
    Instant now = clock.instant();
    return throttle.lockedUntil(pool, login, now)
        .compose(locked -> locked.isPresent() ? refuseLocked(locked.get(), now) : Future.succeededFuture())
        .compose(nothing -> accounts.findCredentials(pool, login))
        .compose(found -> checkPassword(found, password))
        .compose(account -> account.isPresent()
            ? openSession(account.get(), login, clientIp, now)
            : refuseCredentials(login, clientIp, now));
  }

  public Future<Void> logout(String token) {
    byte[] hash = Tokens.hash(token);
    sessions.forget(hash);
    return accounts.revokeSession(pool, hash, clock.instant());
  }

  /** Forgets this instance's cached sessions of the account, once they were revoked in the database. */
  public void forgetSessionsOf(java.util.UUID accountId) {
    sessions.forgetAccount(accountId);
  }

  /**
   * The session lookup of every request, run once on this connection with a hash no token has (start-up warm-up,
   * decision 0036): the statement is prepared and planned there, and the session table's index read; no session
   * found, nothing cached.
   */
  public Future<Void> warmUp(SqlClient connection) {
    return accounts.findBySession(connection, new byte[32], clock.instant()).mapEmpty();
  }

  /** The account of a live token; fails with PASSWORD_CHANGE_REQUIRED while its first-sign-in change is due. */
  public Future<Optional<Account>> authenticate(String token) {
    return authenticate(token, false);
  }

  /**
   * The account of a live token. {@code passwordChangeAllowed}: the request is one an account whose password must
   * still be changed may make (the change itself, who am I, logout). Only unrestricted sessions are cached, so the
   * change takes effect at the next request.
   */
  public Future<Optional<Account>> authenticate(String token, boolean passwordChangeAllowed) {
    byte[] hash = Tokens.hash(token);
    Instant now = clock.instant();
    Optional<Account> known = sessions.find(hash, now);
    if (known.isPresent()) {
      return Future.succeededFuture(known);
    }
    return accounts.findBySession(pool, hash, now).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      AccountStore.LiveSession live = found.get();
      if (live.mustChangePassword()) {
        return passwordChangeAllowed ? Future.succeededFuture(Optional.of(live.account()))
            : Future.failedFuture(new PasswordChangeRequired());
      }
      sessions.remember(hash, live, now);
      return Future.succeededFuture(Optional.of(live.account()));
    });
  }

  /** The account's owner chooses a new password: the current one first, then one the policy accepts. */
  public Future<Void> changePassword(Caller caller, String currentPassword, String newPassword) {
    String login = caller.account().login();
    return accounts.findCredentials(pool, login)
        .compose(found -> found.isEmpty() ? Future.failedFuture(new Unauthorized("account no longer active"))
            : hasher.verify(found.get().passwordHash(), currentPassword))
        .compose(ok -> ok ? Future.succeededFuture()
            : Future.failedFuture(new Invalid("currentPassword", "is not the current password")))
        .compose(v -> checkNewPassword(login, currentPassword, newPassword))
        .compose(v -> hasher.hash(newPassword))
        .compose(hash -> pool.withTransaction(tx -> accounts.changePassword(tx, caller.accountId(), hash)
            .compose(v -> audit.record(tx, AuditEvent.of(caller, "account.password.change", "account",
                caller.accountId(), null)))));
  }

  private Future<Void> checkNewPassword(String login, String currentPassword, String newPassword) {
    Optional<FieldError> refused = policy.check("newPassword", newPassword, login);
    if (refused.isEmpty() && newPassword.equals(currentPassword)) {
      refused = Optional.of(new FieldError("newPassword", "must differ from the current password"));
    }
    return refused.isPresent() ? Future.failedFuture(new Invalid(List.of(refused.get()))) : Future.succeededFuture();
  }

  private Future<Void> refuseLocked(Instant until, Instant now) {
    long seconds = Math.max(1, Duration.between(now, until).toSeconds());
    return Future.failedFuture(new TooManyRequests("too many failed attempts for this login", seconds));
  }

  /** Verifies against a decoy hash when the login is unknown, so both failures take as long. */
  private Future<Optional<AccountStore.Credentials>> checkPassword(Optional<AccountStore.Credentials> found,
                                                                   String password) {
    Future<String> hash = found.map(c -> Future.succeededFuture(c.passwordHash())).orElse(decoyHash);
    return hash.compose(h -> hasher.verify(h, password))
        .map(ok -> ok && found.isPresent() ? found : Optional.empty());
  }

  private Future<Session> openSession(AccountStore.Credentials account, String login, String clientIp,
                                      Instant now) {
    String token = Tokens.newToken();
    Instant expiresAt = now.plus(Duration.ofHours(settings.tokenHours()));
    return throttle.clear(pool, login)
        .compose(v -> accounts.insertSession(pool, Tokens.hash(token), account.account().id(), now, expiresAt))
        .compose(v -> audit.record(loginEvent(account.account(), clientIp, AuditEvent.Outcome.SUCCESS)))
        .map(v -> new Session(token, expiresAt, account.account(), account.mustChangePassword()));
  }

  private Future<Session> refuseCredentials(String login, String clientIp, Instant now) {
    return throttle.recordFailure(pool, login, now, settings.lockoutMinutes(), settings.maxFailedLogins(),
            settings.lockoutMinutes())
        .compose(v -> audit.record(loginEvent(null, clientIp, AuditEvent.Outcome.DENIED)))
        .compose(v -> Future.failedFuture(new Unauthorized(BAD_CREDENTIALS)));
  }

  private static AuditEvent loginEvent(Account account, String clientIp, AuditEvent.Outcome outcome) {
    return new AuditEvent(null, null, account == null ? null : account.id(), "auth.login", "account",
        account == null ? null : account.id().toString(), null, clientIp, outcome, null);
  }
}
