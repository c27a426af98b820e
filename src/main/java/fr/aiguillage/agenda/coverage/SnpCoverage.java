package fr.aiguillage.agenda.coverage;

import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.directory.model.Territory;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The territory's SNP coverage: free and booked SNP slots per commune, day and half-day, so a coordinator sees
 * a gap at a glance. Every commune of the territory is listed, those without any slot too.
 */
public final class SnpCoverage {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  public static final int MAX_DAYS = 14;

  private final Pool pool;
  private final Clock clock;
  private final TerritoryService territories;
  private final CoverageStore store = new CoverageStore();

  public SnpCoverage(Pool pool, Clock clock, TerritoryService territories) {
    this.pool = pool;
    this.clock = clock;
    this.territories = territories;
  }

  public Future<Coverage> of(Caller caller, String territoryId, LocalDate from, int days) {
    if (!caller.hasAny(Role.COORDINATOR, Role.OPERATOR, Role.ADMIN)) {
      throw new Forbidden("the coverage is read by the secretariat and the coordinators");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new Invalid("days", "between 1 and " + MAX_DAYS);
    }
    if (!caller.has(Role.ADMIN) && !caller.covers(territoryId)) {
      throw new Forbidden("the coverage of your territories only");
    }
    Territory territory = territories.all().stream().filter(t -> t.id().equals(territoryId)).findFirst()
        .orElseThrow(() -> new NotFound("territory " + territoryId));
    LocalDate first = from == null ? LocalDate.now(clock.withZone(PARIS)) : from;
    List<LocalDate> dates = first.datesUntil(first.plusDays(days)).toList();
    return store.cells(pool, territoryId, first.atStartOfDay(PARIS).toInstant(),
            first.plusDays(days).atStartOfDay(PARIS).toInstant(), clock.instant())
        .map(cells -> new Coverage(territory.id(), territory.name(), dates,
            territory.communes().stream().map(c -> new Coverage.Place(c.insee(), c.name())).toList(), cells));
  }
}
