package fr.aiguillage.fhir;

import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotStatus;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.fhir.model.SasPractitioner;
import fr.aiguillage.fhir.model.SasSchedule;
import fr.aiguillage.fhir.model.SasListing;
import fr.aiguillage.fhir.model.SasSlot;
import fr.aiguillage.fhir.model.SlotSearchQuery;
import fr.aiguillage.fhir.store.SasSlotStore;
import fr.aiguillage.fhir.store.SasSlotStore.FreeSlots;
import fr.aiguillage.fhir.store.SasSlotStore.Listings;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the SAS may see: free slots to come, of active professionals, at sites in a territory that opens the
 * slot's kind to the SAS. A search reads the professionals from the directory's cache ({@link SasDirectory}) and
 * their free slots in one statement on the search pool ({@link SasSlotStore}, decision 0041); with the rota's duties
 * shown, it reads through the directory and agenda services (professionals by RPPS, then their
 * free slots in the window) as the duties need every professional named. Single reads go through the services.
 */
public final class SasSlots {

  /**
   * By start, then id as PostgreSQL orders uuids (unsigned, byte by byte): the order the answers always had. Starts of
   * the same offset (all of them, as the database gives them) compare as local date-times, without the epoch
   * arithmetic of {@code toInstant} on every comparison.
   */
  private static final Comparator<SasSlot> BY_START = ((Comparator<SasSlot>) (a, b) -> {
    OffsetDateTime x = a.slot().start();
    OffsetDateTime y = b.slot().start();
    return x.getOffset().equals(y.getOffset()) ? x.toLocalDateTime().compareTo(y.toLocalDateTime())
        : x.toInstant().compareTo(y.toInstant());
  }).thenComparing((a, b) -> {
    UUID x = a.slot().id();
    UUID y = b.slot().id();
    int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
    return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
  });

  /** Attempts of a search through the directory's cache, the last one in one snapshot (decision 0041). */
  private static final int ATTEMPTS = 3;

  private final SasSlotStore store = new SasSlotStore();
  private final SasDirectory directory = new SasDirectory(store);
  private final Pool searchPool;
  private final SlotService slots;
  private final ProfessionalService professionals;
  private final TerritoryService places;
  private final SasTerritories territories;
  private final Clock clock;
  private volatile SasDuties duties = SasDuties.NONE;

  public SasSlots(Pool searchPool, SlotService slots, ProfessionalService professionals, TerritoryService places,
                  SasTerritories territories, Clock clock) {
    this.searchPool = searchPool;
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
    if (duties == SasDuties.NONE) {
      return listed(query, ATTEMPTS);
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

  /**
   * The professionals from the directory's cache, their free slots read with the directory's version: answered when
   * the two versions agree, else the cache drops what it kept and the search starts again; the last attempt reads
   * both in one snapshot instead (decision 0041).
   */
  private Future<List<SasSlot>> listed(SlotSearchQuery query, int attempts) {
    if (attempts == 1) {
      return inOneSnapshot(query);
    }
    return directory.known(searchPool, query.rpps()).compose(known -> freeOf(searchPool, known, query)
        .compose(free -> {
          if (free.stamp().equals(known.stamp())) {
            return Future.succeededFuture(offered(free.slots(), known));
          }
          directory.outdated(free.stamp());
          return listed(query, attempts - 1);
        }));
  }

  /**
   * The professionals and their slots in one repeatable-read transaction: one snapshot, so they agree whatever the
   * directory's edits in between. Three round trips more than the cache's way; for a directory edited under every
   * attempt.
   */
  private Future<List<SasSlot>> inOneSnapshot(SlotSearchQuery query) {
    return searchPool.withTransaction(c -> c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute()
        .compose(v -> store.listings(c, query.rpps()))
        .compose(known -> freeOf(c, known, query).map(free -> offered(free.slots(), known))));
  }

  private Future<FreeSlots> freeOf(SqlClient db, Listings known, SlotSearchQuery query) {
    return store.freeOf(db, known.ids(), query.from(), query.to(), clock.instant(), territories.kindsAnywhere());
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

  private List<SasSlot> offered(List<Slot> free, Listings known) {
    Map<UUID, SasListing> byId = new HashMap<>();
    known.byRpps().values().forEach(l -> byId.put(l.practitioner().id(), l));
    Map<UUID, Optional<SasSchedule>> schedules = new HashMap<>();
    List<SasSlot> result = new ArrayList<>(free.size());
    for (Slot slot : free) {
      SasListing listing = byId.get(slot.professionalId());
      Site site = listing.site(slot.siteId());
      Optional<SasSchedule> schedule = site == null ? Optional.empty()
          : schedules.computeIfAbsent(site.id(), id -> schedule(listing.practitioner(), site));
      if (schedule.isPresent() && schedule.get().territory().slotKinds().contains(slot.kind())) {
        SasSchedule s = schedule.get();
        result.add(new SasSlot(slot, s.professional(), s.site(), s.commune(), s.territory()));
      }
    }
    result.sort(BY_START);
    return result;
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
        .map(s -> new SasSlot(slot, s.professional(), s.site(), s.commune(), s.territory()));
  }

  private Optional<SasSchedule> schedule(Professional professional, UUID siteId) {
    return professional.sites().stream().filter(s -> s.id().equals(siteId)).findFirst()
        .flatMap(s -> schedule(SasPractitioner.of(professional), s));
  }

  private Optional<SasSchedule> schedule(SasPractitioner practitioner, Site site) {
    return places.place(site.communeInsee())
        .flatMap(place -> territories.get(place.territoryId())
            .map(t -> new SasSchedule(practitioner, site, place.commune(), t)));
  }
}
