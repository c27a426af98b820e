package fr.aiguillage.security.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/** The authenticated account behind a request, and where it came from (for the audit trail). */
public record Caller(Account account, String clientIp) {

  public UUID accountId() {
    return account.id();
  }

  public boolean has(Role role) {
    return account.roles().contains(role);
  }

  public boolean hasAny(Role... roles) {
    return Arrays.stream(roles).anyMatch(this::has);
  }

  /** ADMIN is scoped to every territory, including ones added after the account was made. */
  public boolean covers(String territoryId) {
    return has(Role.ADMIN) || account.territories().contains(territoryId);
  }

  public boolean coversAll(Collection<String> territoryIds) {
    return territoryIds.stream().allMatch(this::covers);
  }

  public boolean coversAny(Collection<String> territoryIds) {
    return territoryIds.stream().anyMatch(this::covers);
  }
}
