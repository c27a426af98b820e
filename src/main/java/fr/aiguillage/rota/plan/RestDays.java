package fr.aiguillage.rota.plan;

import fr.aiguillage.rota.model.Place;
import fr.aiguillage.rota.model.Volunteer;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

/**
 * Avoids two days running: swaps the places of two volunteers when both may hold the other's place, the places
 * are of the same kind (weekend/holiday or not), and the month then has fewer pairs of consecutive duty days (or as
 * many, and more preferences honoured). A swap changes no count, so fairness is kept. Passes in a fixed order
 * until nothing improves (bounded).
 */
final class RestDays {

  private static final int MAX_PASSES = 8;

  private final List<Place> places;
  private final List<Volunteer> volunteers;
  private final int[] holder;
  private final List<TreeMap<LocalDate, Integer>> days;

  RestDays(List<Place> places, List<Volunteer> volunteers, int[] holder) {
    this.places = places;
    this.volunteers = volunteers;
    this.holder = holder;
    this.days = new java.util.ArrayList<>();
    for (int v = 0; v < volunteers.size(); v++) {
      days.add(new TreeMap<>());
    }
    for (int p = 0; p < places.size(); p++) {
      if (holder[p] >= 0) {
        days.get(holder[p]).merge(places.get(p).day(), 1, Integer::sum);
      }
    }
  }

  void improve() {
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean changed = false;
      for (int p = 0; p < places.size(); p++) {
        if (holder[p] >= 0 && runsInto(holder[p], places.get(p).day())) {
          changed |= trySwaps(p);
        }
      }
      if (!changed) {
        return;
      }
    }
  }

  int consecutive() {
    int pairs = 0;
    for (TreeMap<LocalDate, Integer> d : days) {
      for (LocalDate day : d.keySet()) {
        pairs += d.containsKey(day.plusDays(1)) ? 1 : 0;
      }
    }
    return pairs;
  }

  private boolean trySwaps(int p) {
    for (int q = 0; q < places.size(); q++) {
      int v = holder[p];
      int w = holder[q];
      if (w < 0 || w == v || places.get(p).special() != places.get(q).special()) {
        continue;
      }
      if (canTake(v, q, p) && canTake(w, p, q) && gain(p, q) > 0) {
        move(v, p, q);
        move(w, q, p);
        holder[p] = w;
        holder[q] = v;
        return true;
      }
    }
    return false;
  }

  /** Whether volunteer {@code v} may hold place {@code to} once it gives up place {@code from}. */
  private boolean canTake(int v, int to, int from) {
    Place target = places.get(to);
    if (!volunteers.get(v).mayHold(target)) {
      return false;
    }
    for (int r = 0; r < places.size(); r++) {
      if (r != from && holder[r] == v && places.get(r).overlaps(target)) {
        return false;
      }
    }
    return true;
  }

  /** Consecutive pairs removed (× 1000) plus preferences gained, if {@code p} and {@code q} swap holders. */
  private long gain(int p, int q) {
    int v = holder[p];
    int w = holder[q];
    int before = pairs(v) + pairs(w);
    move(v, p, q);
    move(w, q, p);
    int after = pairs(v) + pairs(w);
    move(v, q, p);
    move(w, p, q);
    Place a = places.get(p);
    Place b = places.get(q);
    int prefBefore = pref(v, a) + pref(w, b);
    int prefAfter = pref(v, b) + pref(w, a);
    return (before - after) * 1000L + (prefAfter - prefBefore);
  }

  private int pref(int v, Place place) {
    return volunteers.get(v).prefers(place) ? 1 : 0;
  }

  private void move(int v, int from, int to) {
    TreeMap<LocalDate, Integer> d = days.get(v);
    d.merge(places.get(from).day(), -1, Integer::sum);
    d.remove(places.get(from).day(), 0);
    d.merge(places.get(to).day(), 1, Integer::sum);
  }

  private int pairs(int v) {
    int pairs = 0;
    for (LocalDate day : days.get(v).keySet()) {
      pairs += days.get(v).containsKey(day.plusDays(1)) ? 1 : 0;
    }
    return pairs;
  }

  private boolean runsInto(int v, LocalDate day) {
    return days.get(v).containsKey(day.minusDays(1)) || days.get(v).containsKey(day.plusDays(1));
  }
}
