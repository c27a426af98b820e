package fr.aiguillage.rota;

import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;

import java.util.UUID;

/**
 * Who may do what on a territory's rota. The territory of the path is already checked against the caller's by the
 * territory guard; here: coordinators (and administrators) run the rota, a professional acts for themself.
 */
final class RotaAccess {

  private RotaAccess() {
  }

  static void coordinator(Caller caller) {
    if (!caller.hasAny(Role.COORDINATOR, Role.ADMIN)) {
      throw new Forbidden("only a coordinator runs the rota");
    }
  }

  /** The professional themself, or a coordinator acting for them. */
  static void selfOrCoordinator(Caller caller, UUID professionalId) {
    if (caller.hasAny(Role.COORDINATOR, Role.ADMIN)) {
      return;
    }
    if (!caller.has(Role.PROFESSIONAL) || !professionalId.equals(caller.account().professionalId())) {
      throw new Forbidden("a professional answers only for themself");
    }
  }

  /** The professional the caller speaks for. */
  static UUID self(Caller caller) {
    UUID id = caller.account().professionalId();
    if (!caller.has(Role.PROFESSIONAL) || id == null) {
      throw new Forbidden("only a professional holds duties");
    }
    return id;
  }
}
