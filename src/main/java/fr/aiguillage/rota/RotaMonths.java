package fr.aiguillage.rota;

import fr.aiguillage.db.SqlTime;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.rota.model.Availability;
import fr.aiguillage.rota.model.Band;
import fr.aiguillage.rota.model.GridPlace;
import fr.aiguillage.rota.model.HistoryEntry;
import fr.aiguillage.rota.model.MonthView;
import fr.aiguillage.rota.model.RotaMonth;
import fr.aiguillage.rota.plan.MonthPlaces;
import fr.aiguillage.rota.store.AssignmentStore;
import fr.aiguillage.rota.store.MonthStore;
import fr.aiguillage.rota.store.SetupStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A territory's months: opened for volunteering, answered by professionals, read as a grid, its history. */
public final class RotaMonths {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final ProfessionalService professionals;
  private final SetupStore setup = new SetupStore();
  private final MonthStore months = new MonthStore();
  private final AssignmentStore assignments = new AssignmentStore();

  public RotaMonths(Pool pool, Clock clock, AuditTrail audit, ProfessionalService professionals) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.professionals = professionals;
  }

  /** Opens a month for volunteering until {@code deadline}, with its places from the territory's bands. */
  public Future<MonthView> open(Caller caller, String territoryId, YearMonth month, Instant deadline) {
    RotaAccess.coordinator(caller);
    RotaMonth opened = new RotaMonth(UUID.randomUUID(), territoryId, month, deadline, RotaMonth.Status.OPEN);
    return pool.withTransaction(tx -> setup.ensureDefault(tx, territoryId)
            .compose(v -> setup.bands(tx, territoryId))
            .compose(bands -> months.insertMonth(tx, opened, clock.instant())
                .compose(v -> months.insertPlaces(tx, opened.id(), MonthPlaces.of(month, bands), capacities(bands))))
            .compose(v -> assignments.record(tx, opened.id(), null, clock.instant(), caller.accountId(), "OPENED",
                null, null, "ouvert au volontariat jusqu'au " + SqlTime.utc(deadline)))
            .compose(v -> audit.record(tx, AuditEvent.of(caller, "rota.month.open", "rota_month", opened.id(),
                territoryId))))
        .recover(e -> Future.failedFuture(RotaSetup.isUnique(e)
            ? new Conflict("MONTH_ALREADY_OPEN", "this month is already open for this territory") : e))
        .compose(v -> view(caller, territoryId, month));
  }

  public Future<Void> putAvailability(Caller caller, String territoryId, YearMonth month, UUID professionalId,
                                      Availability answer) {
    RotaAccess.selfOrCoordinator(caller, professionalId);
    return professionals.territoriesOf(professionalId).compose(territories -> {
      if (territories.isEmpty() || !territories.get().contains(territoryId)) {
        return Future.failedFuture(new Invalid("professionalId", "not a professional of this territory"));
      }
      return pool.withTransaction(tx -> find(tx, territoryId, month, true)
          .compose(m -> checkStillOpen(caller, m)
              .compose(v -> sectorOf(tx, territoryId, answer.sectorId()))
              .compose(sectorId -> months.putAvailability(tx, m.id(), professionalId, new Availability(sectorId,
                  answer.offered(), answer.impossible(), answer.preferred()), clock.instant()))
              .compose(v -> audit.record(tx, AuditEvent.of(caller, "rota.availability.put", "professional",
                  professionalId, territoryId)))));
    });
  }

  /** A professional's answer for the month (themself, or a coordinator); 404 when they have not answered. */
  public Future<Availability> availability(Caller caller, String territoryId, YearMonth month, UUID professionalId) {
    RotaAccess.selfOrCoordinator(caller, professionalId);
    return find(pool, territoryId, month, false).compose(m -> months.availabilities(pool, m.id()))
        .compose(all -> all.containsKey(professionalId) ? Future.succeededFuture(all.get(professionalId))
            : Future.failedFuture(new NotFound("answer of this professional for " + month)));
  }

  public Future<MonthView> view(Caller caller, String territoryId, YearMonth month) {
    return find(pool, territoryId, month, false).compose(m -> assignments.grid(pool, m.id()).map(grid ->
        new MonthView(territoryId, month.toString(), m.status(), SqlTime.paris(SqlTime.utc(m.deadline())),
            grid.size(), (int) grid.stream().filter(p -> p.professionalId() == null).count(), grid)));
  }

  public Future<List<HistoryEntry>> history(Caller caller, String territoryId, YearMonth month) {
    RotaAccess.coordinator(caller);
    return find(pool, territoryId, month, false).compose(m -> assignments.history(pool, m.id()));
  }

  /** The gaps of the next {@code hours} hours, for the top of the coordinator's home screen. */
  public Future<List<GridPlace>> upcomingGaps(Caller caller, String territoryId, Duration ahead) {
    RotaAccess.coordinator(caller);
    Instant now = clock.instant();
    return assignments.gaps(pool, territoryId, now, now.plus(ahead));
  }

  Future<RotaMonth> find(SqlClient db, String territoryId, YearMonth month, boolean lock) {
    return months.month(db, territoryId, month, lock).compose(m -> m.isPresent() ? Future.succeededFuture(m.get())
        : Future.failedFuture(new NotFound("rota month " + month)));
  }

  private Future<Void> checkStillOpen(Caller caller, RotaMonth m) {
    if (m.status() == RotaMonth.Status.PUBLISHED) {
      return Future.failedFuture(new Conflict("MONTH_PUBLISHED", "the month is published; ask the coordinator"));
    }
    if (!caller.hasAny(Role.COORDINATOR, Role.ADMIN) && clock.instant().isAfter(m.deadline())) {
      return Future.failedFuture(new Conflict("VOLUNTEERING_CLOSED", "the deadline for this month has passed"));
    }
    return Future.succeededFuture();
  }

  private Future<UUID> sectorOf(SqlClient tx, String territoryId, UUID asked) {
    return setup.ensureDefault(tx, territoryId).compose(v -> setup.sectors(tx, territoryId)).compose(sectors -> {
      if (asked == null) {
        return Future.succeededFuture(sectors.get(0).id());
      }
      return sectors.stream().anyMatch(s -> s.id().equals(asked)) ? Future.succeededFuture(asked)
          : Future.failedFuture(new Invalid("sectorId", "not a sector of this territory"));
    });
  }

  private static Map<UUID, Integer> capacities(List<Band> bands) {
    Map<UUID, Integer> map = new HashMap<>();
    bands.forEach(b -> map.put(b.id(), b.capacity()));
    return map;
  }
}
