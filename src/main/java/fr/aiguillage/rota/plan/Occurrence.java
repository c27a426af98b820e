package fr.aiguillage.rota.plan;

import fr.aiguillage.rota.model.Place;

import java.util.List;

/** One band on one day in one sector: its seats (places), all alike for the "never" rules. */
record Occurrence(List<Integer> seats, Place first, int cluster) {
}
