package fr.aiguillage.agenda;

import fr.aiguillage.agenda.model.SearchResult.Hit;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/**
 * Professionals on duty (the rota) who can take the patient within the search's criteria, as hits of kind DUTY
 * with their exact distance; the rota implements it, a service without a rota finds none.
 */
public interface DutyFinder {

  DutyFinder NONE = query -> Future.succeededFuture(List.of());

  /** Where and what the search looks for: the patient's place, profession, skill, territories, window, radius. */
  record Query(double lat, double lon, String profession, String skill, List<String> territories, Instant from,
               Instant to, double radiusKm) {
  }

  /** One hit per place held with seats left and a free step in the window, within the radius (km, one decimal). */
  Future<List<Hit>> duties(Query query);
}
