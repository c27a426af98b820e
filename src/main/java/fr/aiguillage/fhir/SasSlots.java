package fr.aiguillage.fhir;

import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotStatus;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.fhir.model.SasSchedule;
import fr.aiguillage.fhir.model.SasSlot;
import fr.aiguillage.fhir.model.SlotSearchQuery;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the SAS may see: free slots to come, of active professionals, at sites in a territory that opens the
 * slot's kind to the SAS. Reads through the directory and agenda services: professionals by RPPS (one query),
 * then their free slots in the window (one query on the free-slot index).
 */
public final class SasSlots {

  private final SlotService slots;
  private final ProfessionalService professionals;
  private final TerritoryService places;
  private final SasTerritories territories;
  private final Clock clock;
  private volatile SasDuties duties = SasDuties.NONE;

  public SasSlots(SlotService slots, ProfessionalService professionals, TerritoryService places,
                  SasTerritories territories, Clock clock) {
    this.slots = slots;
    this.professionals = professionals;
    this.places = places;
    this.territories = territories;
    this.clock = clock;
  }

  /** Lists the rota's duties as slots too (only when {@code rota.showDutiesToSas} is set). */
  public void showDuties(SasDuties source) {
    this.duties = source;
  }

  public Future<List<SasSlot>> search(SlotSearchQuery query) {
    if (!query.free() || query.rpps().isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return professionals.findByRppsForService(query.rpps())
        .map(found -> found.stream().filter(Professional::active)
            .collect(Collectors.toMap(Professional::id, Function.identity())))
        .compose(byId -> slots.freeOf(List.copyOf(byId.keySet()), query.from(), query.to(),
                territories.kindsAnywhere())
            .compose(free -> duties.offeredBy(List.copyOf(byId.keySet()), query.from(), query.to())
                .map(onDuty -> {
                  List<Slot> all = new ArrayList<>(free);
                  all.addAll(onDuty);
                  return all;
                }))
            .map(free -> offered(free, byId)));
  }

  public Future<SasSlot> slot(UUID id) {
    return slots.findForService(id)
        .map(found -> found.filter(s -> s.status() == SlotStatus.FREE && s.start().toInstant().isAfter(clock.instant())))
        // not a slot of the agenda: a duty's place, offered as the search offers it (rota.showDutiesToSas)
        .compose(found -> found.isPresent() ? Future.succeededFuture(found) : duties.offered(id))
        .compose(found -> found.isEmpty() ? Future.succeededFuture(Optional.<SasSlot>empty())
            : professionals.findForService(found.get().professionalId())
                .map(p -> p.filter(Professional::active).flatMap(pro -> offered(found.get(), pro))))
        .map(found -> found.orElseThrow(() -> FhirFailure.notFound("Créneau inconnu ou non proposé au SAS : " + id)));
  }

  public Future<SasSchedule> schedule(UUID siteId) {
    return professionals.findBySiteForService(siteId)
        .map(found -> found.filter(Professional::active).flatMap(p -> schedule(p, siteId)))
        .map(found -> found.orElseThrow(() -> FhirFailure.notFound("Agenda inconnu : " + siteId)));
  }

  /** A practitioner the SAS may see: active, with at least one site in a territory open to the SAS. */
  public Future<Professional> practitioner(UUID id) {
    return professionals.findForService(id)
        .map(found -> found.filter(Professional::active)
            .filter(p -> p.sites().stream().anyMatch(s -> schedule(p, s.id()).isPresent())))
        .map(found -> found.orElseThrow(() -> FhirFailure.notFound("Professionnel inconnu : " + id)));
  }

  private List<SasSlot> offered(List<Slot> free, Map<UUID, Professional> byId) {
    List<SasSlot> result = new ArrayList<>(free.size());
    for (Slot slot : free) {
      offered(slot, byId.get(slot.professionalId())).ifPresent(result::add);
    }
    return result;
  }

  private Optional<SasSlot> offered(Slot slot, Professional professional) {
    return schedule(professional, slot.siteId())
        .filter(s -> s.territory().slotKinds().contains(slot.kind()))
        .map(s -> new SasSlot(slot, professional, s.site(), s.commune(), s.territory()));
  }

  private Optional<SasSchedule> schedule(Professional professional, UUID siteId) {
    Optional<Site> site = professional.sites().stream().filter(s -> s.id().equals(siteId)).findFirst();
    return site.flatMap(s -> places.place(s.communeInsee())
        .flatMap(place -> territories.get(place.territoryId())
            .map(t -> new SasSchedule(professional, s, place.commune(), t))));
  }
}
