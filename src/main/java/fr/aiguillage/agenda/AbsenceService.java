package fr.aiguillage.agenda;

import fr.aiguillage.agenda.model.AbsenceResult;
import fr.aiguillage.agenda.model.NewAbsence;
import fr.aiguillage.agenda.store.AbsenceStore;
import fr.aiguillage.agenda.store.SlotStore;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A professional's absence: their free slots in the period are blocked (slots materialised later are born
 * blocked), and the booked ones are returned so the secretariat can move those patients. Over duties of the rota it
 * is refused (409 ABSENCE_OVER_DUTY listing them) unless confirmed.
 */
public final class AbsenceService {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final AgendaAccess access;
  private final AbsenceStore absences = new AbsenceStore();
  private final SlotStore slots = new SlotStore();
  private volatile DutiesHeld duties = DutiesHeld.NONE;

  public AbsenceService(Pool pool, Clock clock, AuditTrail audit, AgendaAccess access) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.access = access;
  }

  /** Lets an absence see the rota's duties it covers (wired once the rota is built). */
  public void seeDutiesIn(DutiesHeld held) {
    this.duties = held;
  }

  public Future<AbsenceResult> declare(Caller caller, UUID professionalId, NewAbsence request) {
    if (!request.to().isAfter(request.from())) {
      return Future.failedFuture(new Invalid("to", "must be after from"));
    }
    UUID id = UUID.randomUUID();
    Instant from = request.from().toInstant();
    Instant to = request.to().toInstant();
    Instant now = clock.instant();
    return access.toManage(caller, professionalId).compose(p -> pool.withTransaction(tx ->
        duties.between(tx, professionalId, from, to).compose(held -> !held.isEmpty() && !request.confirmed()
            ? Future.<AbsenceResult>failedFuture(new Conflict("ABSENCE_OVER_DUTY", "this absence covers duties of the rota;"
                + " send confirm: true to save it, then ask the coordinator to reassign them", Map.of("duties", held)))
            : absences.insert(tx, id, professionalId, from, to, request.reason(), caller.accountId(), now)
            .compose(v -> slots.blockFreeBetween(tx, professionalId, from, to, now))
            .compose(blocked -> slots.bookedBetween(tx, professionalId, from, to)
                .map(booked -> new AbsenceResult(id, professionalId, request.from(), request.to(),
                    request.reason(), blocked, booked, held))))
            .compose(result -> audit.record(tx, SlotService.event(caller, "absence.create", id, p.territories())
                .withEntityType("absence")).map(result))));
  }
}
