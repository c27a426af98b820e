package fr.aiguillage.security;

import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.security.store.AccountAdminStore;
import fr.aiguillage.security.store.AccountAdminStore.ManagedAccount;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The coordinator's (and the administrator's) care of existing accounts: list those of their territories, reset a
 * password (a temporary one, changed at next sign-in), deactivate. A coordinator acts only on accounts wholly inside
 * their territories, never on an ADMIN account nor on their own. Both acts end the account's sessions; another
 * instance's session cache may honour an ended session for a few more seconds (SessionCache).
 */
public final class AccountAdministration {

  private final Pool pool;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final AuthService auth;
  private final AccountAdminStore store = new AccountAdminStore();
  private final PasswordPolicy policy = PasswordPolicy.load();

  public AccountAdministration(Pool pool, Clock clock, PasswordHasher hasher, AuditTrail audit, AuthService auth) {
    this.pool = pool;
    this.auth = auth;
    this.clock = clock;
    this.hasher = hasher;
    this.audit = audit;
  }

  public Future<List<ManagedAccount>> list(Caller caller) {
    requireManager(caller);
    return store.list(pool, caller.has(Role.ADMIN) ? null : caller.account().territories());
  }

  public Future<ManagedAccount> deactivate(Caller caller, UUID accountId) {
    return manageable(caller, accountId)
        .compose(target -> pool.withTransaction(tx -> store.deactivate(tx, accountId, clock.instant())
            .compose(v -> audit.record(tx, AuditEvent.of(caller, "account.deactivate", "account", accountId,
                firstTerritory(target))))))
        .compose(v -> reread(accountId));
  }

  public Future<ManagedAccount> resetPassword(Caller caller, UUID accountId, String temporaryPassword) {
    return manageable(caller, accountId)
        .compose(target -> {
          policy.check("password", temporaryPassword, target.login()).ifPresent(e -> {
            throw new Invalid(List.of(e));
          });
          return hasher.hash(temporaryPassword).compose(hash -> pool.withTransaction(tx ->
              store.resetPassword(tx, accountId, hash, clock.instant())
                  .compose(v -> audit.record(tx, AuditEvent.of(caller, "account.password_reset", "account", accountId,
                      firstTerritory(target))))));
        })
        .compose(v -> reread(accountId));
  }

  private Future<ManagedAccount> reread(UUID accountId) {
    auth.forgetSessionsOf(accountId);
    return store.find(pool, accountId).map(found -> found.orElseThrow());
  }

  private Future<ManagedAccount> manageable(Caller caller, UUID accountId) {
    requireManager(caller);
    return store.find(pool, accountId).map(found -> {
      ManagedAccount target = found.orElseThrow(() -> new NotFound("account " + accountId));
      if (caller.has(Role.ADMIN)) {
        return target;
      }
      if (target.id().equals(caller.accountId())) {
        throw new Forbidden("change your own password with /auth/password; ask another coordinator to deactivate you");
      }
      if (target.roles().contains(Role.ADMIN) || !caller.coversAll(target.territories())) {
        throw new Forbidden("a coordinator manages only accounts of their own territories");
      }
      return target;
    });
  }

  private static void requireManager(Caller caller) {
    if (!caller.hasAny(Role.ADMIN, Role.COORDINATOR)) {
      throw new Forbidden("accounts are managed by coordinators and administrators");
    }
  }

  private static String firstTerritory(ManagedAccount a) {
    return a.territories().isEmpty() ? null : a.territories().get(0);
  }
}
