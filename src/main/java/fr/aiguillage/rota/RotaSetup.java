package fr.aiguillage.rota;

import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.rota.model.Band;
import fr.aiguillage.rota.model.Sector;
import fr.aiguillage.rota.store.SetupStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Sectors and duty bands of a territory (coordinators). Every territory has a default sector, made on first use. */
public final class RotaSetup {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final SetupStore store = new SetupStore();

  public RotaSetup(Pool pool, Clock clock, AuditTrail audit) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
  }

  public Future<List<Sector>> sectors(Caller caller, String territoryId) {
    return store.ensureDefault(pool, territoryId).compose(v -> store.sectors(pool, territoryId));
  }

  public Future<Sector> createSector(Caller caller, String territoryId, String name, List<String> communes) {
    RotaAccess.coordinator(caller);
    Sector sector = new Sector(UUID.randomUUID(), territoryId, name.trim(), false, communes == null ? List.of()
        : communes);
    return pool.withTransaction(tx -> store.ensureDefault(tx, territoryId)
            .compose(v -> store.insertSector(tx, sector))
            .compose(v -> audit.record(tx, AuditEvent.of(caller, "rota.sector.create", "rota_sector", sector.id(),
                territoryId))))
        .recover(e -> Future.failedFuture(isUnique(e)
            ? new Conflict("SECTOR_EXISTS", "a sector of this territory already has this name") : e))
        .map(sector);
  }

  public Future<List<Band>> bands(Caller caller, String territoryId) {
    return store.bands(pool, territoryId);
  }

  /** A band in a sector of the territory (the default sector when none is named). */
  public Future<Band> createBand(Caller caller, String territoryId, Band request) {
    RotaAccess.coordinator(caller);
    if (!request.holidays() && request.days().isEmpty()) {
      throw new Invalid("days", "at least one day of the week, or holidays: true");
    }
    if (request.start().equals(request.end())) {
      throw new Invalid("end", "must differ from start");
    }
    return sectors(caller, territoryId).compose(sectors -> {
      UUID sectorId = request.sectorId() != null ? request.sectorId()
          : sectors.stream().filter(Sector::isDefault).findFirst().orElseThrow().id();
      if (sectors.stream().noneMatch(s -> s.id().equals(sectorId))) {
        return Future.failedFuture(new Invalid("sectorId", "not a sector of this territory"));
      }
      Band band = new Band(UUID.randomUUID(), sectorId, request.label(), request.days(), request.holidays(),
          request.start(), request.end(), request.profession(), request.needed(), request.capacity(),
          request.stepMinutes());
      return pool.withTransaction(tx -> store.insertBand(tx, band, clock.instant())
          .compose(v -> audit.record(tx, AuditEvent.of(caller, "rota.band.create", "rota_band", band.id(),
              territoryId)))).map(band);
    });
  }

  static boolean isUnique(Throwable e) {
    return e instanceof PgException pg && "23505".equals(pg.getSqlState());
  }
}
