package fr.aiguillage.security.model;

import java.util.List;
import java.util.UUID;

/** A person's login: roles, the territories it is scoped to, and maybe the professional it speaks for. */
public record Account(UUID id, String login, List<Role> roles, List<String> territories, UUID professionalId) {
}
