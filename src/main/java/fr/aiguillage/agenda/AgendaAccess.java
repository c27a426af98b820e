package fr.aiguillage.agenda;

import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;

import java.util.Objects;
import java.util.UUID;

/**
 * Who may see or change a professional's agenda: the professional themself, a coordinator of their
 * territories; operators and orienters of those territories may read. Anyone else gets 403.
 */
public final class AgendaAccess {

  private final ProfessionalService directory;

  public AgendaAccess(ProfessionalService directory) {
    this.directory = directory;
  }

  public Future<Professional> toRead(Caller caller, UUID professionalId) {
    return load(professionalId).map(p -> {
      if (isOwn(caller, p) || inTerritory(caller, p, Role.COORDINATOR, Role.OPERATOR, Role.ORIENTER)) {
        return p;
      }
      throw new Forbidden("you may not read this professional's agenda");
    });
  }

  public Future<Professional> toManage(Caller caller, UUID professionalId) {
    return load(professionalId).map(p -> {
      if (isOwn(caller, p) || inTerritory(caller, p, Role.COORDINATOR)) {
        return p;
      }
      throw new Forbidden("you may not change this professional's agenda");
    });
  }

  /** The site must be one of the professional's. */
  public static void requireSite(Professional p, UUID siteId) {
    if (siteId == null || p.sites().stream().noneMatch(s -> s.id().equals(siteId))) {
      throw new Invalid("siteId", "not a site of this professional");
    }
  }

  private Future<Professional> load(UUID professionalId) {
    return directory.findForService(professionalId)
        .map(found -> found.orElseThrow(() -> new NotFound("professional " + professionalId)));
  }

  private static boolean isOwn(Caller caller, Professional p) {
    return caller.has(Role.PROFESSIONAL) && Objects.equals(caller.account().professionalId(), p.id());
  }

  private static boolean inTerritory(Caller caller, Professional p, Role... roles) {
    return caller.hasAny(roles) && p.territories().stream().anyMatch(t -> caller.account().territories().contains(t));
  }
}
