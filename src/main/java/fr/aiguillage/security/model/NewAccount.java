package fr.aiguillage.security.model;

import java.util.List;
import java.util.UUID;

/** What {@code POST /api/v1/accounts} asks for. */
public record NewAccount(String login, String password, List<Role> roles, List<String> territories,
                         UUID professionalId) {
}
