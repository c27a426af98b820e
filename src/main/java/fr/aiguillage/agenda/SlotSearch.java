package fr.aiguillage.agenda;

import fr.aiguillage.agenda.model.SearchRequest;
import fr.aiguillage.agenda.model.SearchResult;
import fr.aiguillage.agenda.model.SearchResult.Hit;
import fr.aiguillage.agenda.store.SlotSearchStore;
import fr.aiguillage.agenda.store.SlotSearchStore.Criteria;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.directory.model.Commune;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds the nearest professional free soon enough: free slots starting between {@code from + lead time}
 * and {@code from + within}, one per professional (their earliest), ordered by distance (km, one decimal)
 * then start; only in the patient's territory unless asked to look across the caller's territories.
 */
public final class SlotSearch {

  static final Duration MAX_WITHIN = Duration.ofDays(7);
  /** Sites of the profession read at first: three per result asked for (most sites have a free slot). */
  private static final int FIRST_READ_PER_RESULT = 3;

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final TerritoryService territories;
  private final Duration lead;
  private final SlotSearchStore store = new SlotSearchStore();
  private volatile DutyFinder duties = DutyFinder.NONE;

  public SlotSearch(Pool pool, Clock clock, AuditTrail audit, TerritoryService territories, Duration lead) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.territories = territories;
    this.lead = lead;
  }

  /** Shows the professionals on duty beside the free slots (wired once the rota is built). */
  public void showDutiesFrom(DutyFinder finder) {
    this.duties = finder;
  }

  public Future<SearchResult> search(Caller caller, SearchRequest request) {
    if (!caller.hasAny(Role.OPERATOR, Role.COORDINATOR, Role.ORIENTER, Role.PROFESSIONAL)) {
      throw new Forbidden("searching slots is for the secretariat and orienting professionals");
    }
    Criteria criteria = criteria(caller, request);
    return hits(criteria, request.limit(), SlotSearchStore.readOf(FIRST_READ_PER_RESULT * request.limit()))
        .compose(slots -> withDuties(criteria, slots, request.limit()))
        .compose(hits -> hits.size() >= request.limit()
            ? Future.succeededFuture(new SearchResult(hits, List.of()))
            : candidates(criteria, hits).map(c -> new SearchResult(hits, c)))
        .compose(result -> audit.record(AuditEvent.of(caller, "slot.search", "professional", null,
            criteria.territories().size() == 1 ? criteria.territories().get(0) : null)).map(result));
  }

  private Criteria criteria(Caller caller, SearchRequest r) {
    Place place = place(r);
    if (r.within().isNegative() || r.within().isZero() || r.within().compareTo(MAX_WITHIN) > 0) {
      throw new Invalid("within", "an ISO-8601 duration above zero and at most P7D, e.g. PT24H");
    }
    List<String> scope;
    if (r.acrossTerritories()) {
      scope = caller.has(Role.ADMIN) ? List.copyOf(territories.ids()) : caller.account().territories();
    } else if (caller.covers(place.territoryId())) {
      scope = List.of(place.territoryId());
    } else {
      throw new Forbidden("the patient's place lies outside your territories (acrossTerritories=true searches yours)");
    }
    Instant from = r.from() != null ? r.from() : clock.instant();
    return new Criteria(place.lat(), place.lon(), scope, r.profession(), r.skill(), r.kinds(), from.plus(lead),
        from.plus(r.within()), r.radiusKm());
  }

  /**
   * Reads the nearest sites, more each time, until the top {@code limit} is certain: every unread site is
   * at least as far as the farthest one read, so once that distance falls in a later 0.1 km band than the
   * limit-th result (or passes the radius, or no site is left), nothing unread can change the answer.
   */
  private Future<List<Hit>> hits(Criteria criteria, int limit, int sites) {
    return store.nearestFree(pool, criteria, sites).compose(batch -> {
      List<Hit> ranked = rank(batch.rows());
      int next = SlotSearchStore.readAfter(sites);
      boolean exhausted = batch.sitesRead() < sites || batch.reachKm() > criteria.radiusKm() || next == sites;
      boolean settled = ranked.size() >= limit
          && ranked.get(limit - 1).distanceKm() < SlotSearchStore.round(batch.reachKm());
      return exhausted || settled ? Future.succeededFuture(ranked.subList(0, Math.min(limit, ranked.size())))
          : hits(criteria, limit, next);
    });
  }

  /**
   * The duties beside the slots, ordered the same way (distance band, then time), the first {@code limit} kept; the
   * slots are the exact top {@code limit} of slots, so the merge is the exact top of both. Duties are SNP care.
   */
  private Future<List<Hit>> withDuties(Criteria criteria, List<Hit> slots, int limit) {
    if (!criteria.kinds().contains(fr.aiguillage.agenda.model.SlotKind.SNP)) {
      return Future.succeededFuture(slots);
    }
    return duties.duties(criteria).map(found -> {
      if (found.isEmpty()) {
        return slots;
      }
      List<Hit> all = new ArrayList<>(slots);
      all.addAll(found);
      all.sort(ORDER);
      return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    });
  }

  private static final Comparator<Hit> ORDER = Comparator.comparingDouble(Hit::distanceKm)
      .thenComparing(h -> h.startsAt().toInstant());

  /** One hit per professional (their earliest), then by distance band and start. */
  static List<Hit> rank(List<SlotSearchStore.Found> rows) {
    Map<UUID, Hit> earliest = new LinkedHashMap<>();
    for (SlotSearchStore.Found row : rows) {
      earliest.merge(row.hit().professional().id(), row.hit(),
          (a, b) -> b.slot().start().isBefore(a.slot().start()) ? b : a);
    }
    List<Hit> ranked = new ArrayList<>(earliest.values());
    ranked.sort(ORDER);
    return ranked;
  }

  private Future<List<SearchResult.Candidate>> candidates(Criteria criteria, List<Hit> hits) {
    Set<UUID> listed = hits.stream().map(h -> h.professional().id()).collect(Collectors.toSet());
    return store.overbooking(pool, criteria, 2_048).map(found -> {
      Map<UUID, SearchResult.Candidate> nearest = new LinkedHashMap<>();
      found.stream().filter(c -> !listed.contains(c.professional().id()))
          .forEach(c -> nearest.putIfAbsent(c.professional().id(), c));
      return nearest.values().stream().limit(10).toList();
    });
  }

  private record Place(double lat, double lon, String territoryId) {
  }

  private Place place(SearchRequest r) {
    if (r.communeInsee() != null) {
      var place = territories.place(r.communeInsee())
          .orElseThrow(() -> new Invalid("communeInsee", "unknown commune " + r.communeInsee()));
      return new Place(place.commune().lat(), place.commune().lon(), place.territoryId());
    }
    if (r.lat() == null || r.lon() == null) {
      throw new Invalid(r.lat() == null ? "lat" : "lon", "give communeInsee, or both lat and lon");
    }
    String territory = territories.all().stream()
        .flatMap(t -> t.communes().stream().map(c -> Map.entry(t.id(), c)))
        .min(Comparator.comparingDouble(e -> squaredDegrees(e.getValue(), r.lat(), r.lon())))
        .map(Map.Entry::getKey)
        .orElseThrow(() -> new Invalid("lat", "no territory is configured"));
    return new Place(r.lat(), r.lon(), territory);
  }

  /** Good enough to pick the nearest commune centre within one département. */
  private static double squaredDegrees(Commune c, double lat, double lon) {
    double dLat = c.lat() - lat;
    double dLon = (c.lon() - lon) * Math.cos(Math.toRadians(lat));
    return dLat * dLat + dLon * dLon;
  }
}
