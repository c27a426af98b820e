package fr.aiguillage.security;

import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.FieldError;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.security.model.Account;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.NewAccount;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.security.store.AccountStore;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creating accounts, within the rules of who may grant what. */
public final class AccountService {

  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

  private final Pool pool;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final ReferenceData reference;
  private final AccountStore store = new AccountStore();
  private final PasswordPolicy policy = PasswordPolicy.load();

  public AccountService(Pool pool, Clock clock, PasswordHasher hasher, AuditTrail audit, ReferenceData reference) {
    this.pool = pool;
    this.clock = clock;
    this.hasher = hasher;
    this.audit = audit;
    this.reference = reference;
  }

  /** An account created by someone else: its owner changes the password at first sign-in. */
  public Future<Account> create(Caller caller, NewAccount request) {
    return create(caller, request, true);
  }

  /**
   * The demo accounts of {@code ./scripts/run.sh}: their password is printed at first start for whoever runs the
   * demo, who is also their user, so no change is forced (docs/privacy.md).
   */
  public Future<Account> createForDemo(Caller caller, NewAccount request) {
    return create(caller, request, false);
  }

  private Future<Account> create(Caller caller, NewAccount request, boolean mustChangePassword) {
    return checkGrant(caller, request)
        .compose(v -> checkReferences(caller, request))
        .compose(v -> hasher.hash(request.password()))
        .compose(hash -> insert(caller, request, hash, mustChangePassword));
  }

  /**
   * Logs, at each start, every active account linked to a professional who practises in none of its territories
   * (ids only; no personal data). They are not unlinked: an administrator decides (README).
   */
  public Future<Void> reportCrossLinks() {
    return store.crossLinked(pool).map(links -> {
      links.forEach(link -> LOG.warn("Account {} is linked to professional {}, who practises in none of the"
          + " account's territories {}: the link is not honoured (see README, \"Accounts linked across"
          + " territories\")", link.accountId(), link.professionalId(), link.territories()));
      return null;
    });
  }

  public Future<Boolean> loginExists(String login) {
    return store.findCredentials(pool, login).map(Optional::isPresent);
  }


  /**
   * On an empty database, creates {@code admin} with the given password (or a random one).
   * Returns the password only when it was generated here, so the caller can show it once.
   */
  public Future<Optional<String>> ensureAdmin(String configuredPassword) {
    return store.anyExists(pool).compose(present -> {
      if (present) {
        return Future.succeededFuture(Optional.empty());
      }
      boolean generate = configuredPassword == null || configuredPassword.isBlank();
      String password = generate ? Tokens.newToken() : configuredPassword;
      Account admin = new Account(UUID.randomUUID(), "admin", List.of(Role.ADMIN), List.of(), null);
      return reference.territoryIds()
          .map(ids -> new Account(admin.id(), admin.login(), admin.roles(), List.copyOf(ids), null))
          .compose(account -> hasher.hash(password).compose(hash -> store.insert(pool, account, hash, clock.instant())))
          .map(v -> generate ? Optional.of(password) : Optional.<String>empty())
          // another instance starting on the same new database made it first (TwoInstancesStartTest)
          .recover(e -> isDuplicateLogin(e) ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
    });
  }

  private Future<Void> checkGrant(Caller caller, NewAccount request) {
    if (caller.has(Role.ADMIN)) {
      return Future.succeededFuture();
    }
    if (!caller.has(Role.COORDINATOR)) {
      return Future.failedFuture(new Forbidden("only administrators and coordinators create accounts"));
    }
    if (request.roles().contains(Role.ADMIN)) {
      return Future.failedFuture(new Forbidden("a coordinator cannot grant ADMIN"));
    }
    if (!caller.coversAll(request.territories())) {
      return Future.failedFuture(new Forbidden("a coordinator grants only their own territories"));
    }
    return Future.succeededFuture();
  }

  private Future<Void> checkReferences(Caller caller, NewAccount request) {
    List<FieldError> errors = new ArrayList<>();
    policy.check("password", request.password(), request.login()).ifPresent(errors::add);
    Future<Optional<Set<String>>> practice = request.professionalId() == null
        ? Future.succeededFuture(Optional.of(Set.copyOf(request.territories())))
        : reference.professionalTerritories(request.professionalId());
    return Future.all(reference.territoryIds(), practice).compose(all -> {
      Set<String> known = all.resultAt(0);
      request.territories().stream().filter(t -> !known.contains(t))
          .forEach(t -> errors.add(new FieldError("territories", "unknown territory " + t)));
      Optional<Set<String>> where = all.resultAt(1);
      if (where.isEmpty()) {
        errors.add(new FieldError("professionalId", "no such professional"));
      } else {
        checkLink(caller, request, where.get(), errors);
      }
      return errors.isEmpty() ? Future.succeededFuture() : Future.failedFuture(new Invalid(errors));
    });
  }

  /**
   * The linked professional practises in one of the account's territories; a coordinator links only professionals
   * of territories they cover (docs/decisions/0006).
   */
  private static void checkLink(Caller caller, NewAccount request, Set<String> practice, List<FieldError> errors) {
    if (request.professionalId() == null) {
      return;
    }
    if (!caller.has(Role.ADMIN) && !caller.coversAny(practice)) {
      throw new Forbidden("a coordinator links only professionals of their own territories");
    }
    if (practice.stream().noneMatch(request.territories()::contains)) {
      errors.add(new FieldError("professionalId", "must practise in one of the account's territories"));
    }
  }

  private Future<Account> insert(Caller caller, NewAccount request, String hash, boolean mustChangePassword) {
    Account account = new Account(UUID.randomUUID(), request.login(), List.copyOf(Set.copyOf(request.roles())),
        List.copyOf(Set.copyOf(request.territories())), request.professionalId());
    return pool.withTransaction(tx -> store.insert(tx, account, hash, clock.instant(), mustChangePassword)
            .compose(v -> audit.record(tx, AuditEvent.of(caller, "account.create", "account", account.id(),
                account.territories().isEmpty() ? null : account.territories().get(0)))))
        .map(account)
        .recover(e -> Future.failedFuture(isDuplicateLogin(e)
            ? new Conflict("DUPLICATE_LOGIN", "login " + request.login() + " is already taken")
            : isLinkOutsideTerritories(e)
            ? new Invalid("professionalId", "must practise in one of the account's territories") : e));
  }

  private static boolean isLinkOutsideTerritories(Throwable e) {
    return e instanceof PgException pg && "23514".equals(pg.getSqlState())
        && "account_professional_in_territory".equals(pg.getConstraint());
  }

  private static boolean isDuplicateLogin(Throwable e) {
    return e instanceof PgException pg && "23505".equals(pg.getSqlState())
        && "account_login_unique".equals(pg.getConstraint());
  }

  /** The territories the account is scoped to; empty if unknown. */
  public Future<Optional<Set<String>>> territoriesOf(UUID id) {
    return store.territoriesOf(pool, id);
  }
}
