package fr.aiguillage.rota.plan;

import fr.aiguillage.rota.model.Place;
import fr.aiguillage.rota.model.Volunteer;

import java.util.List;

/**
 * An independent answer for small months: every way of giving each place to a volunteer or to nobody, kept when no
 * "never" rule breaks. Says how many places can be filled at most, and whether some filling of that size keeps every
 * volunteer within 1 of their proportional share.
 */
final class BruteForce {

  final int maxFilled;
  final boolean fairFeasible;
  private final List<Place> places;
  private final List<Volunteer> volunteers;
  private int best = -1;
  private boolean fair;

  BruteForce(List<Place> places, List<Volunteer> volunteers) {
    this.places = places;
    this.volunteers = volunteers;
    search(0, new int[places.size()], 0, false);
    this.maxFilled = best;
    search(0, new int[places.size()], 0, true);
    this.fairFeasible = fair;
  }

  private void search(int p, int[] holder, int filled, boolean checkFair) {
    if (p == places.size()) {
      if (!checkFair) {
        best = Math.max(best, filled);
      } else if (filled == best && withinOne(holder)) {
        fair = true;
      }
      return;
    }
    holder[p] = -1;
    search(p + 1, holder, filled, checkFair);
    for (int v = 0; v < volunteers.size() && !fair; v++) {
      if (allowed(holder, p, v)) {
        holder[p] = v;
        search(p + 1, holder, filled + 1, checkFair);
        holder[p] = -1;
      }
    }
  }

  private boolean allowed(int[] holder, int p, int v) {
    Volunteer volunteer = volunteers.get(v);
    if (!volunteer.mayHold(places.get(p))) {
      return false;
    }
    int held = 0;
    for (int q = 0; q < p; q++) {
      if (holder[q] == v) {
        held++;
        if (places.get(q).overlaps(places.get(p))) {
          return false;
        }
      }
    }
    return held < volunteer.offered();
  }

  private boolean withinOne(int[] holder) {
    int sum = volunteers.stream().mapToInt(Volunteer::offered).sum();
    for (int v = 0; v < volunteers.size(); v++) {
      int count = 0;
      for (int h : holder) {
        count += h == v ? 1 : 0;
      }
      double share = (double) best * volunteers.get(v).offered() / sum;
      if (Math.abs(count - share) > 1 + 1e-9) {
        return false;
      }
    }
    return true;
  }
}
