package fr.aiguillage.rota.plan;

import fr.aiguillage.rota.model.Assignment;
import fr.aiguillage.rota.model.Place;
import fr.aiguillage.rota.model.Proposal;
import fr.aiguillage.rota.model.Volunteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Checks shared by the proposal's tests: the "never" rules, read from the proposal alone. */
final class Months {

  private Months() {
  }

  /** Every broken "never" rule of the proposal, in words (empty: none). */
  static List<String> brokenRules(List<Place> places, List<Volunteer> volunteers, Proposal proposal) {
    Map<UUID, Place> placeById = new HashMap<>();
    places.forEach(p -> placeById.put(p.id(), p));
    Map<UUID, Volunteer> volunteerById = new HashMap<>();
    volunteers.forEach(v -> volunteerById.put(v.professionalId(), v));
    Map<UUID, List<Place>> held = new HashMap<>();
    List<String> broken = new ArrayList<>();
    java.util.Set<UUID> seen = new java.util.HashSet<>();
    for (Assignment a : proposal.assignments()) {
      Place place = placeById.get(a.placeId());
      Volunteer v = volunteerById.get(a.professionalId());
      if (!seen.add(a.placeId())) {
        broken.add("place held twice " + a.placeId());
      }
      if (!v.mayHold(place)) {
        broken.add(v.professionalId() + " may not hold " + place);
      }
      for (Place other : held.computeIfAbsent(v.professionalId(), k -> new ArrayList<>())) {
        if (other.overlaps(place)) {
          broken.add(v.professionalId() + " on two places at once " + place.start());
        }
      }
      held.get(v.professionalId()).add(place);
    }
    held.forEach((id, list) -> {
      if (list.size() > volunteerById.get(id).offered()) {
        broken.add(id + " beyond what they offered");
      }
    });
    return broken;
  }
}
