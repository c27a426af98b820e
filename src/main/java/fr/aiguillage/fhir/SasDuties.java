package fr.aiguillage.fhir;

import fr.aiguillage.agenda.model.Slot;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Duties of the rota offered to the SAS as slots (setting {@code rota.showDutiesToSas}, off by default): one free
 * slot per duty with places left, at its next free step, id = the duty's place. The rota implements it.
 */
public interface SasDuties {

  SasDuties NONE = new SasDuties() {
    @Override
    public Future<List<Slot>> offeredBy(List<UUID> professionalIds, Instant from, Instant to) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<Optional<Slot>> offered(UUID placeId) {
      return Future.succeededFuture(Optional.empty());
    }
  };

  /** Duties of these professionals whose next free step starts in [from, to]. */
  Future<List<Slot>> offeredBy(List<UUID> professionalIds, Instant from, Instant to);

  /** The duty of this place as the search would show it now (its next free step), if it is offered at all. */
  Future<Optional<Slot>> offered(UUID placeId);
}
