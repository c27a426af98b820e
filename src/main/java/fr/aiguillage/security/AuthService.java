package fr.aiguillage.security;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.failure.TooManyRequests;
import fr.aiguillage.failure.Unauthorized;
import fr.aiguillage.security.model.Account;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Session;
import fr.aiguillage.security.store.AccountStore;
import fr.aiguillage.security.store.LoginThrottleStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  public Future<Optional<Account>> authenticate(String token) {
    byte[] hash = Tokens.hash(token);
    Instant now = clock.instant();
    Optional<Account> known = sessions.find(hash, now);
    if (known.isPresent()) {
      return Future.succeededFuture(known);
    }
    return accounts.findBySession(pool, hash, now).map(found -> {
      found.ifPresent(live -> sessions.remember(hash, live, now));
      return found.map(AccountStore.LiveSession::account);
    });
  }

  private Future<Void> refuseLocked(Instant until, Instant now) {
    long seconds = Math.max(1, Duration.between(now, until).toSeconds());
    return Future.failedFuture(new TooManyRequests("too many failed attempts for this login", seconds));
  }

  /** Verifies against a decoy hash when the login is unknown, so both failures take as long. */
  private Future<Optional<Account>> checkPassword(Optional<AccountStore.Credentials> found, String password) {
    Future<String> hash = found.map(c -> Future.succeededFuture(c.passwordHash())).orElse(decoyHash);
    return hash.compose(h -> hasher.verify(h, password))
        .map(ok -> ok && found.isPresent() ? Optional.of(found.get().account()) : Optional.empty());
  }

  private Future<Session> openSession(Account account, String login, String clientIp, Instant now) {
    String token = Tokens.newToken();
    Instant expiresAt = now.plus(Duration.ofHours(settings.tokenHours()));
    return throttle.clear(pool, login)
        .compose(v -> accounts.insertSession(pool, Tokens.hash(token), account.id(), now, expiresAt))
        .compose(v -> audit.record(loginEvent(account, clientIp, AuditEvent.Outcome.SUCCESS)))
        .map(v -> new Session(token, expiresAt, account));
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
