package fr.aiguillage.rota.plan;

import fr.aiguillage.rota.model.Assignment;
import fr.aiguillage.rota.model.Place;
import fr.aiguillage.rota.model.Proposal;
import fr.aiguillage.rota.model.Reason;
import fr.aiguillage.rota.model.Volunteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The month's proposal (docs/decisions/0020-duty-rota.md). Sector by sector (a volunteer serves one sector):
 * <ol>
 *   <li>a maximum flow fills as many places as the "never" rules allow ({@code F});</li>
 *   <li>a minimum-cost flow of the same size keeps each volunteer within 1 of {@code F × offered / Σ offered}
 *   whenever some filling can, then (cheaper layer) does the same for weekend and holiday places, then honours
 *   preferences;</li>
 *   <li>{@link RestDays} swaps duties of the same kind between two volunteers to avoid two days running, which
 *   changes nobody's counts;</li>
 *   <li>each assignment gets its reason; each place left empty is a gap.</li>
 * </ol>
 * Deterministic: inputs are sorted by id and time before anything else, and the flow breaks ties by order.
 */
public final class RotaPlanner {

  private static final Comparator<Place> ORDER = Comparator.comparing(Place::start)
      .thenComparing(p -> p.bandId().toString()).thenComparingInt(Place::seat).thenComparing(p -> p.id().toString());

  public Proposal propose(List<Place> places, List<Volunteer> volunteers) {
    Map<UUID, List<Place>> bySector = new TreeMap<>();
    places.stream().sorted(ORDER).forEach(p -> bySector.computeIfAbsent(p.sectorId(), s -> new ArrayList<>()).add(p));
    List<Assignment> assignments = new ArrayList<>();
    List<UUID> gaps = new ArrayList<>();
    double largest = 0;
    double largestSpecial = 0;
    int consecutive = 0;
    for (Map.Entry<UUID, List<Place>> sector : bySector.entrySet()) {
      List<Volunteer> mine = volunteers.stream()
          .filter(v -> v.offered() > 0 && v.sectorId().equals(sector.getKey()))
          .sorted(Comparator.comparing(v -> v.professionalId().toString())).toList();
      SectorResult result = planSector(sector.getValue(), mine);
      assignments.addAll(result.assignments);
      gaps.addAll(result.gaps);
      largest = Math.max(largest, result.largestGap);
      largestSpecial = Math.max(largestSpecial, result.largestSpecialGap);
      consecutive += result.consecutive;
    }
    return new Proposal(assignments, gaps, largest, largestSpecial, consecutive);
  }

  /** How many places the "never" rules allow to fill at most (the first step alone), sector by sector. */
  public int fillOnly(List<Place> places, List<Volunteer> volunteers) {
    Map<UUID, List<Place>> bySector = new TreeMap<>();
    places.stream().sorted(ORDER).forEach(p -> bySector.computeIfAbsent(p.sectorId(), s -> new ArrayList<>()).add(p));
    int filled = 0;
    for (Map.Entry<UUID, List<Place>> sector : bySector.entrySet()) {
      List<Occurrence> occurrences = occurrences(sector.getValue());
      List<Volunteer> mine = volunteers.stream()
          .filter(v -> v.offered() > 0 && v.sectorId().equals(sector.getKey()))
          .sorted(Comparator.comparing(v -> v.professionalId().toString())).toList();
      filled += count(new SectorNetwork(occurrences, mine).solve(null, null), occurrences, false);
    }
    return filled;
  }

  private record SectorResult(List<Assignment> assignments, List<UUID> gaps, double largestGap,
                              double largestSpecialGap, int consecutive) {
  }

  private SectorResult planSector(List<Place> places, List<Volunteer> volunteers) {
    List<Occurrence> occurrences = occurrences(places);
    SectorNetwork network = new SectorNetwork(occurrences, volunteers);
    int[] offered = volunteers.stream().mapToInt(Volunteer::offered).toArray();
    int filled = count(network.solve(null, null), occurrences, false);
    Shares total = Shares.of(filled, offered);
    int filledSpecial = count(network.solve(total, null), occurrences, true);
    Shares special = Shares.of(filledSpecial, offered);
    int[] holder = seats(network.solve(total, special), occurrences, places.size());
    RestDays rest = new RestDays(places, volunteers, holder);
    rest.improve();
    return result(places, volunteers, occurrences, network, holder, total, special, rest.consecutive());
  }

  private SectorResult result(List<Place> places, List<Volunteer> volunteers, List<Occurrence> occurrences,
                              SectorNetwork network, int[] holder, Shares total, Shares special, int consecutive) {
    int[] placeOccurrence = new int[places.size()];
    for (int o = 0; o < occurrences.size(); o++) {
      for (int seat : occurrences.get(o).seats()) {
        placeOccurrence[seat] = o;
      }
    }
    List<Assignment> assignments = new ArrayList<>();
    List<UUID> gaps = new ArrayList<>();
    int[] counts = new int[volunteers.size()];
    int[] specialCounts = new int[volunteers.size()];
    for (int p = 0; p < places.size(); p++) {
      Place place = places.get(p);
      int v = holder[p];
      if (v < 0) {
        gaps.add(place.id());
        continue;
      }
      counts[v]++;
      specialCounts[v] += place.special() ? 1 : 0;
      assignments.add(new Assignment(place.id(), volunteers.get(v).professionalId(),
          reason(network, volunteers, v, placeOccurrence[p], place)));
    }
    return new SectorResult(assignments, gaps, total.largestGap(counts), special.largestGap(specialCounts),
        consecutive);
  }

  private static Reason reason(SectorNetwork network, List<Volunteer> volunteers, int v, int occurrence,
                               Place place) {
    if (volunteers.get(v).prefers(place)) {
      return Reason.PREFERRED;
    }
    int able = 0;
    for (int w = 0; w < volunteers.size(); w++) {
      able += network.eligible(w, occurrence) ? 1 : 0;
    }
    return able == 1 ? Reason.ONLY_ONE_AVAILABLE : Reason.LEAST_LOADED;
  }

  /** Places grouped by band and day, each with its cluster: occurrences of one day whose hours overlap. */
  static List<Occurrence> occurrences(List<Place> places) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < places.size(); i++) {
      Place p = places.get(i);
      groups.computeIfAbsent(p.bandId() + "/" + p.day(), k -> new ArrayList<>()).add(i);
    }
    List<Occurrence> result = new ArrayList<>();
    int cluster = -1;
    java.time.Instant clusterEnd = null;
    for (List<Integer> seats : groups.values()) {
      Place first = places.get(seats.get(0));
      if (clusterEnd == null || !first.start().isBefore(clusterEnd)) {
        cluster++;
        clusterEnd = first.end();
      } else if (first.end().isAfter(clusterEnd)) {
        clusterEnd = first.end();
      }
      result.add(new Occurrence(List.copyOf(seats), first, cluster));
    }
    return result;
  }

  private static int count(List<List<Integer>> holders, List<Occurrence> occurrences, boolean specialOnly) {
    int n = 0;
    for (int o = 0; o < occurrences.size(); o++) {
      if (!specialOnly || occurrences.get(o).first().special()) {
        n += holders.get(o).size();
      }
    }
    return n;
  }

  /** The place-level holder of each place (-1: a gap): an occurrence's volunteers take its seats in order. */
  private static int[] seats(List<List<Integer>> holders, List<Occurrence> occurrences, int placeCount) {
    int[] holder = new int[placeCount];
    java.util.Arrays.fill(holder, -1);
    for (int o = 0; o < occurrences.size(); o++) {
      List<Integer> seats = occurrences.get(o).seats();
      List<Integer> on = holders.get(o);
      for (int i = 0; i < on.size(); i++) {
        holder[seats.get(i)] = on.get(i);
      }
    }
    return holder;
  }
}
