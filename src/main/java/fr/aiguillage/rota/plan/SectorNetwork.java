package fr.aiguillage.rota.plan;

import fr.aiguillage.rota.model.Volunteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sector's month as a flow network: source → volunteer (one edge per duty offered, priced by the fairness of
 * the total) → the volunteer's weekend/holiday or ordinary branch (priced by the fairness of special duties) →
 * (volunteer, cluster of overlapping bands of one day: at most one; skipped for a band that overlaps no other)
 * → occurrence (one per volunteer, cheaper when
 * preferred) → sink (as many as seats). A volunteer has an edge to an occurrence only if no "never" rule forbids it.
 */
final class SectorNetwork {

  static final long OVER = 2_000_000_000_000_000L;
  static final long MIDDLE = 1_000_000_000_000L;
  static final long SPECIAL_OVER = 100_000_000L;
  static final long SPECIAL_MIDDLE = 10_000L;
  static final long NOT_PREFERRED = 1L;

  private final List<Occurrence> occurrences;
  private final List<Volunteer> volunteers;
  private final boolean[][] eligible;

  SectorNetwork(List<Occurrence> occurrences, List<Volunteer> volunteers) {
    this.occurrences = occurrences;
    this.volunteers = volunteers;
    this.eligible = new boolean[volunteers.size()][occurrences.size()];
    for (int v = 0; v < volunteers.size(); v++) {
      for (int o = 0; o < occurrences.size(); o++) {
        eligible[v][o] = volunteers.get(v).mayHold(occurrences.get(o).first());
      }
    }
  }

  boolean eligible(int volunteer, int occurrence) {
    return eligible[volunteer][occurrence];
  }

  /**
   * Solves with the given shares (null: no fairness layer) and returns, per occurrence, the volunteers on it in
   * volunteer order.
   */
  List<List<Integer>> solve(Shares total, Shares special) {
    int n = volunteers.size();
    int source = 0;
    int sink = 1;
    int firstOccurrence = 2 + 3 * n;
    Map<Long, Integer> clusterNodes = new HashMap<>();
    int nodes = firstOccurrence + occurrences.size() + clusterCount() * n;
    MinCostFlow flow = new MinCostFlow(nodes);
    int nextCluster = firstOccurrence + occurrences.size();
    // a band alone in its cluster needs no cluster node: the edge to it already carries at most one
    int[] clusterSize = new int[clusterCount()];
    occurrences.forEach(o -> clusterSize[o.cluster()]++);
    for (int v = 0; v < n; v++) {
      int offered = volunteers.get(v).offered();
      for (int k = 1; k <= offered; k++) {
        flow.addEdge(source, 2 + v, 1, total == null ? 0 : total.marginal(v, k, MIDDLE, OVER));
        flow.addEdge(2 + v, 2 + n + v, 1, special == null ? 0 : special.marginal(v, k, SPECIAL_MIDDLE, SPECIAL_OVER));
      }
      flow.addEdge(2 + v, 2 + 2 * n + v, offered, 0);
    }
    int[][] edge = new int[n][occurrences.size()];
    for (int v = 0; v < n; v++) {
      for (int o = 0; o < occurrences.size(); o++) {
        edge[v][o] = -1;
        if (!eligible[v][o]) {
          continue;
        }
        Occurrence occ = occurrences.get(o);
        int branch = occ.first().special() ? 2 + n + v : 2 + 2 * n + v;
        long key = (long) v * Integer.MAX_VALUE + occ.cluster();
        Integer node = clusterSize[occ.cluster()] == 1 ? Integer.valueOf(branch) : clusterNodes.get(key);
        if (node == null) {
          node = nextCluster++;
          clusterNodes.put(key, node);
          flow.addEdge(branch, node, 1, 0);
        }
        edge[v][o] = flow.addEdge(node, firstOccurrence + o, 1,
            volunteers.get(v).prefers(occ.first()) ? 0 : NOT_PREFERRED);
      }
    }
    for (int o = 0; o < occurrences.size(); o++) {
      flow.addEdge(firstOccurrence + o, sink, occurrences.get(o).seats().size(), 0);
    }
    flow.run(source, sink);
    List<List<Integer>> holders = new ArrayList<>();
    for (int o = 0; o < occurrences.size(); o++) {
      List<Integer> on = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        if (edge[v][o] >= 0 && flow.flow(edge[v][o]) > 0) {
          on.add(v);
        }
      }
      holders.add(on);
    }
    return holders;
  }

  private int clusterCount() {
    int max = -1;
    for (Occurrence o : occurrences) {
      max = Math.max(max, o.cluster());
    }
    return max + 1;
  }
}
