package fr.aiguillage.security;

import fr.aiguillage.security.model.Account;
import fr.aiguillage.security.store.AccountStore;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers a recognised session for a few seconds, so a busy screen does not cost one query per
 * request. A logout on this instance takes effect at once; on another instance within {@link #TTL}.
 * An entry never outlives the session's own expiry.
 */
final class SessionCache {

  static final Duration TTL = Duration.ofSeconds(5);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Account account, Instant validUntil) {
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  Optional<Account> find(byte[] tokenHash, Instant now) {
    Entry entry = entries.get(key(tokenHash));
    if (entry == null || !now.isBefore(entry.validUntil())) {
      return Optional.empty();
    }
    return Optional.of(entry.account());
  }

  void remember(byte[] tokenHash, AccountStore.LiveSession session, Instant now) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    Instant until = now.plus(TTL).isBefore(session.expiresAt()) ? now.plus(TTL) : session.expiresAt();
    entries.put(key(tokenHash), new Entry(session.account(), until));
  }

  void forget(byte[] tokenHash) {
    entries.remove(key(tokenHash));
  }

  /** Every session of this account (deactivated, or its password reset). */
  void forgetAccount(java.util.UUID accountId) {
    entries.values().removeIf(e -> e.account().id().equals(accountId));
  }

  private static String key(byte[] tokenHash) {
    return HexFormat.of().formatHex(tokenHash);
  }
}
