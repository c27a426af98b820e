package fr.aiguillage.rota;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.agenda.model.SlotSource;
import fr.aiguillage.agenda.model.SlotStatus;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.fhir.SasDuties;
import fr.aiguillage.rota.store.DutyStore;
import fr.aiguillage.rota.store.DutyStore.Duty;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Duties as the SAS sees them when {@code rota.showDutiesToSas} is set: one free SNP slot per duty with places left,
 * at its next free step (from now + the booking lead), one step long, at the duty's site; its id is the place's.
 */
public final class SasDutySlots implements SasDuties {

  private final Pool pool;
  private final Clock clock;
  private final Duration lead;
  private final DutyStore store = new DutyStore();

  public SasDutySlots(Pool pool, Clock clock, Duration lead) {
    this.pool = pool;
    this.clock = clock;
    this.lead = lead;
  }

  @Override
  public Future<List<Slot>> offeredBy(List<UUID> professionalIds, Instant from, Instant to) {
    if (professionalIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Instant soonest = clock.instant().plus(lead);
    Instant notBefore = from.isAfter(soonest) ? from : soonest;
    return store.heldBy(pool, professionalIds, notBefore, to.plusSeconds(1)).map(duties -> {
      List<Slot> slots = new ArrayList<>();
      for (Duty d : duties) {
        slot(d, notBefore).filter(s -> !s.start().toInstant().isAfter(to)).ifPresent(slots::add);
      }
      return slots;
    });
  }

  /** The same rules as the search: published, places left, a site, a step still to come after now + lead. */
  @Override
  public Future<Optional<Slot>> offered(UUID placeId) {
    Instant notBefore = clock.instant().plus(lead);
    return store.duty(pool, placeId).map(found -> found
        .filter(d -> "PUBLISHED".equals(d.monthStatus()) && d.booked() < d.capacity() && d.siteId() != null)
        .flatMap(d -> slot(d, notBefore)));
  }

  private static Optional<Slot> slot(Duty d, Instant notBefore) {
    return DutySteps.next(d.start(), d.end(), d.stepMinutes(), d.taken(), notBefore).map(t -> new Slot(d.placeId(),
        d.professionalId(), d.siteId(), SlotKind.SNP, SlotStatus.FREE, SqlTime.paris(SqlTime.utc(t)),
        SqlTime.paris(SqlTime.utc(DutySteps.endOf(t, d.end(), d.stepMinutes()))), SlotSource.MANUAL, null));
  }
}
