package fr.aiguillage;

import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.security.ReferenceData;
import io.vertx.core.Future;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What the account module needs to know of the directory, answered by the directory's services. */
final class DirectoryReferenceData implements ReferenceData {

  private final TerritoryService territories;
  private final ProfessionalService professionals;

  DirectoryReferenceData(TerritoryService territories, ProfessionalService professionals) {
    this.territories = territories;
    this.professionals = professionals;
  }

  @Override
  public Future<Set<String>> territoryIds() {
    return Future.succeededFuture(territories.ids());
  }

  @Override
  public Future<Optional<Set<String>>> professionalTerritories(UUID id) {
    return professionals.territoriesOf(id);
  }
}
