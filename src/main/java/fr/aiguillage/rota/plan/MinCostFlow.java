package fr.aiguillage.rota.plan;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Minimum-cost maximum flow by successive shortest paths (Dijkstra with Johnson potentials; every cost given is
 * non-negative, so the first potentials are zero). Deterministic: edges are tried in the order they were added and
 * equal distances are broken by node number. Small graphs (one sector of one month): a few hundred nodes.
 */
final class MinCostFlow {

  private final int nodes;
  private final int[][] adjacency;
  private final int[] adjacencySize;
  private int[] to = new int[64];
  private int[] cap = new int[64];
  private long[] cost = new long[64];
  private int edgeCount;

  MinCostFlow(int nodes) {
    this.nodes = nodes;
    this.adjacency = new int[nodes][];
    this.adjacencySize = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      adjacency[i] = new int[4];
    }
  }

  /** Adds an edge and its residual twin; returns the edge's number (its flow is {@link #flow(int)}). */
  int addEdge(int from, int toNode, int capacity, long unitCost) {
    if (unitCost < 0) {
      throw new IllegalArgumentException("costs are non-negative");
    }
    int e = edgeCount;
    grow(e + 2);
    to[e] = toNode;
    cap[e] = capacity;
    cost[e] = unitCost;
    to[e + 1] = from;
    cap[e + 1] = 0;
    cost[e + 1] = -unitCost;
    edgeCount += 2;
    link(from, e);
    link(toNode, e + 1);
    return e;
  }

  /** Flow through edge {@code e} once {@link #run} has returned. */
  int flow(int e) {
    return cap[e + 1];
  }

  /** Pushes as much as possible from {@code source} to {@code sink} at least cost; returns the flow. */
  int run(int source, int sink) {
    long[] potential = new long[nodes];
    long[] dist = new long[nodes];
    int[] via = new int[nodes];
    int total = 0;
    while (shortest(source, sink, potential, dist, via) < Long.MAX_VALUE) {
      for (int v = 0; v < nodes; v++) {
        if (dist[v] < Long.MAX_VALUE) {
          potential[v] += dist[v];
        }
      }
      int push = Integer.MAX_VALUE;
      for (int v = sink; v != source; v = to[via[v] ^ 1]) {
        push = Math.min(push, cap[via[v]]);
      }
      for (int v = sink; v != source; v = to[via[v] ^ 1]) {
        cap[via[v]] -= push;
        cap[via[v] ^ 1] += push;
      }
      total += push;
    }
    return total;
  }

  /** Dijkstra on reduced costs; returns the sink's distance (MAX_VALUE: no path left). */
  private long shortest(int source, int sink, long[] potential, long[] dist, int[] via) {
    Arrays.fill(dist, Long.MAX_VALUE);
    Arrays.fill(via, -1);
    dist[source] = 0;
    PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
        : Long.compare(a[1], b[1]));
    queue.add(new long[] {0, source});
    while (!queue.isEmpty()) {
      long[] head = queue.poll();
      int u = (int) head[1];
      if (head[0] > dist[u]) {
        continue;
      }
      for (int i = 0; i < adjacencySize[u]; i++) {
        int e = adjacency[u][i];
        if (cap[e] <= 0) {
          continue;
        }
        int v = to[e];
        long candidate = dist[u] + cost[e] + potential[u] - potential[v];
        if (candidate < dist[v]) {
          dist[v] = candidate;
          via[v] = e;
          queue.add(new long[] {candidate, v});
        }
      }
    }
    return dist[sink];
  }

  private void link(int node, int e) {
    if (adjacencySize[node] == adjacency[node].length) {
      adjacency[node] = Arrays.copyOf(adjacency[node], adjacency[node].length * 2);
    }
    adjacency[node][adjacencySize[node]++] = e;
  }

  private void grow(int needed) {
    if (needed > to.length) {
      int size = Math.max(needed, to.length * 2);
      to = Arrays.copyOf(to, size);
      cap = Arrays.copyOf(cap, size);
      cost = Arrays.copyOf(cost, size);
    }
  }
}
