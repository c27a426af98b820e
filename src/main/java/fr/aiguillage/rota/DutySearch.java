package fr.aiguillage.rota;

import fr.aiguillage.agenda.DutyFinder;
import fr.aiguillage.agenda.model.SearchResult.DutySummary;
import fr.aiguillage.agenda.model.SearchResult.Hit;
import fr.aiguillage.agenda.model.SearchResult.ProfessionalSummary;
import fr.aiguillage.agenda.model.SearchResult.SiteSummary;
import fr.aiguillage.agenda.store.Earth;
import fr.aiguillage.agenda.store.SlotSearchStore;
import fr.aiguillage.agenda.store.SlotSearchStore.Criteria;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.rota.store.DutyStore;
import fr.aiguillage.rota.store.DutyStore.Duty;
import fr.aiguillage.rota.store.DutyStore.Nearby;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The professionals on duty for the operators' search: each published duty with seats left whose next free step
 * (from the search's start, lead time included) falls in the window, at the holder's duty site, within the radius.
 */
public final class DutySearch implements DutyFinder {

  private final Pool pool;
  private final DutyStore store = new DutyStore();

  public DutySearch(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<Hit>> duties(Criteria c) {
    return store.nearby(pool, c.lat(), c.lon(), c.profession(), c.territories(), c.skill(), c.from(), c.to(),
        Earth.chordMetres(c.radiusKm())).map(found -> {
          List<Hit> hits = new ArrayList<>();
          for (Nearby n : found) {
            Duty d = n.duty();
            Optional<Instant> next = DutySteps.next(d.start(), d.end(), d.stepMinutes(), d.taken(), c.from());
            if (next.isPresent() && next.get().isBefore(c.to())) {
              hits.add(hit(n, next.get()));
            }
          }
          return hits;
        });
  }

  private static Hit hit(Nearby n, Instant time) {
    Duty d = n.duty();
    Row r = n.row();
    DutySummary duty = new DutySummary(d.placeId(), d.bandLabel(), d.capacity() - d.booked(), d.capacity(),
        SqlTime.paris(SqlTime.utc(d.start())), SqlTime.paris(SqlTime.utc(d.end())), d.stepMinutes(),
        SqlTime.paris(SqlTime.utc(time)), SqlTime.paris(SqlTime.utc(DutySteps.endOf(time, d.end(), d.stepMinutes()))));
    return new Hit("DUTY", null, duty, new ProfessionalSummary(d.professionalId(), r.getString("family_name"),
        r.getString("given_name"), r.getString("profession"), r.getString("phone")),
        new SiteSummary(d.siteId(), r.getString("name"), r.getString("address"), r.getString("commune_insee"),
            r.getDouble("lat"), r.getDouble("lon")),
        SlotSearchStore.round(Earth.greatCircleKm(n.chordMetres())));
  }
}
