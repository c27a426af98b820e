package fr.aiguillage.security.http;

import fr.aiguillage.security.model.Account;
import fr.aiguillage.security.model.Role;

import java.util.List;
import java.util.UUID;

/** An account as the API shows it: never its password. */
public record AccountView(UUID id, String login, List<Role> roles, List<String> territories, UUID professionalId) {

  static AccountView of(Account a) {
    return new AccountView(a.id(), a.login(), a.roles(), a.territories(), a.professionalId());
  }
}
