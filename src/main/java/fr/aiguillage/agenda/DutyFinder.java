package fr.aiguillage.agenda;

import fr.aiguillage.agenda.model.SearchResult.Hit;
import fr.aiguillage.agenda.store.SlotSearchStore.Criteria;
import io.vertx.core.Future;

import java.util.List;

/**
 * Professionals on duty (the rota) who can take the patient within the search's criteria, as hits of kind DUTY
 * with their exact distance; the rota implements it, a service without a rota finds none.
 */
public interface DutyFinder {

  DutyFinder NONE = criteria -> Future.succeededFuture(List.of());

  /** One hit per place held with seats left and a free step in the window, within the radius. */
  Future<List<Hit>> duties(Criteria criteria);
}
