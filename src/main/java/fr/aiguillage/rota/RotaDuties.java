package fr.aiguillage.rota;

import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.rota.model.GridPlace;
import fr.aiguillage.rota.model.Reason;
import fr.aiguillage.rota.store.AssignmentStore;
import fr.aiguillage.rota.store.DutyStore;
import fr.aiguillage.rota.store.MonthStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Place by place: a coordinator sets or clears the holder by hand; a professional gives a duty away and a volunteer
 * of the same sector takes it (the first who asks holds it: the place's row is locked). Each change is in the
 * month's history with who, when and why. A duty with patients booked into it cannot be dropped.
 */
public final class RotaDuties {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final RotaMonths months;
  private final DutyOffers offers;
  private final MonthStore monthStore = new MonthStore();
  private final AssignmentStore assignments = new AssignmentStore();
  private final DutyStore dutyStore = new DutyStore();

  RotaDuties(Pool pool, Clock clock, AuditTrail audit, RotaMonths months, DutyOffers offers) {
    this.offers = offers;
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.months = months;
  }

  /** Sets ({@code professionalId}) or clears (null) the holder of a place, by hand. */
  public Future<GridPlace> assign(Caller caller, String territoryId, UUID placeId, UUID professionalId, String why) {
    RotaAccess.coordinator(caller);
    return change(caller, territoryId, placeId, professionalId == null ? "CLEARED" : "ASSIGNED", why,
        (tx, place) -> {
          if (professionalId == null && place.booked() > 0) {
            return dutyStore.bookedOn(tx, placeId).compose(booked -> Future.failedFuture(new Conflict(
                "DUTY_HAS_PATIENTS", "patients are booked on this duty: rebook them (appointments) or reassign it",
                Map.of("appointments", booked))));
          }
          return professionalId == null ? assignments.release(tx, placeId)
              : assignments.hold(tx, placeId, professionalId, Reason.MANUAL);
        }, professionalId);
  }

  /**
   * The holder offers their duty to the other volunteers of the sector, who are told (one message each, in the same
   * transaction); the holder keeps it until someone takes it.
   */
  public Future<GridPlace> giveAway(Caller caller, String territoryId, UUID placeId, String why) {
    UUID self = RotaAccess.self(caller);
    return change(caller, territoryId, placeId, "GIVEN_AWAY", why, (tx, place) -> {
      if (!self.equals(place.professionalId())) {
        return Future.failedFuture(new Conflict("NOT_YOUR_DUTY", "only the professional on duty gives it away"));
      }
      return assignments.markGivenAway(tx, placeId).compose(v -> offers.tell(tx, territoryId, place, self))
          .mapEmpty();
    }, self).onSuccess(place -> offers.sendNow());
  }

  /** A volunteer of the sector takes a duty given away; the first one holds it. */
  public Future<GridPlace> take(Caller caller, String territoryId, UUID placeId) {
    UUID self = RotaAccess.self(caller);
    return change(caller, territoryId, placeId, "TAKEN", "reprise d'une garde cédée", (tx, place) -> {
      if (place.professionalId() != null && !place.givenAway()) {
        return Future.failedFuture(new Conflict("DUTY_NOT_OFFERED", "this duty is not offered"));
      }
      return volunteerOfSector(tx, place, self).compose(v -> assignments.hold(tx, placeId, self, Reason.MANUAL));
    }, self);
  }

  /** The caller's duties to come, each with the patients booked into it (a read of patient data: audited). */
  public Future<List<fr.aiguillage.rota.model.AgendaDuty>> mine(Caller caller) {
    return assignments.duties(pool, RotaAccess.self(caller), clock.instant()).compose(duties -> dutyStore
        .patientsOn(pool, duties.stream().map(GridPlace::placeId).toList())
        .map(booked -> duties.stream().map(d -> new fr.aiguillage.rota.model.AgendaDuty(d,
            booked.getOrDefault(d.placeId(), List.of()))).toList()))
        .compose(list -> audit.record(AuditEvent.of(caller, "rota.duties.read", "professional",
            RotaAccess.self(caller), null)).map(list));
  }

  /** Offered duties and gaps are taken only by someone who volunteered in that sector that month. */
  private Future<Void> volunteerOfSector(SqlClient tx, GridPlace place, UUID professionalId) {
    return monthStore.volunteered(tx, place.placeId(), professionalId).compose(yes -> yes ? Future.succeededFuture()
        : Future.failedFuture(new Conflict("NOT_A_VOLUNTEER", "only a volunteer of this sector this month takes it")));
  }

  private interface Act {
    Future<Void> apply(SqlClient tx, GridPlace place);
  }

  private Future<GridPlace> change(Caller caller, String territoryId, UUID placeId, String action, String why, Act act,
                                   UUID professionalId) {
    if (why == null || why.isBlank()) {
      throw new Invalid("why", "say why the rota changes");
    }
    return pool.withTransaction(tx -> assignments.place(tx, territoryId, placeId).compose(found -> {
      GridPlace place = found.orElseThrow(() -> new NotFound("rota place " + placeId));
      return months.find(tx, territoryId, YearMonth.from(place.day()), false)
          .compose(m -> act.apply(tx, place)
              .compose(v -> assignments.record(tx, m.id(), placeId, clock.instant(), caller.accountId(), action,
                  professionalId, place.professionalId(), why.trim()))
              .compose(v -> audit.record(tx, AuditEvent.of(caller, "rota.place." + action.toLowerCase(),
                  "rota_place", placeId, territoryId)))
              .compose(v -> assignments.place(tx, territoryId, placeId)).map(p -> p.orElseThrow()));
    })).recover(RotaDuties::overlap);
  }

  private static <T> Future<T> overlap(Throwable e) {
    if (e instanceof PgException pg && "23P01".equals(pg.getSqlState())) {
      return Future.failedFuture(new Conflict("DUTY_OVERLAP", "this professional is already on duty at that time"));
    }
    return Future.failedFuture(e);
  }
}
