package fr.aiguillage.rota;

import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.rota.model.Availability;
import fr.aiguillage.rota.model.Place;
import fr.aiguillage.rota.model.Proposal;
import fr.aiguillage.rota.model.ProposalSummary;
import fr.aiguillage.rota.model.RotaMonth;
import fr.aiguillage.rota.model.Volunteer;
import fr.aiguillage.rota.plan.RotaPlanner;
import fr.aiguillage.rota.store.AssignmentStore;
import fr.aiguillage.rota.store.DutyStore;
import fr.aiguillage.rota.store.MonthStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Proposing a month (the planner runs on a worker thread: a large territory takes a second or more) and publishing
 * it. A proposal replaces the previous one; a published month is only changed place by place.
 */
public final class RotaProposals {

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final ProfessionalService professionals;
  private final RotaMonths months;
  private final MonthStore monthStore = new MonthStore();
  private final AssignmentStore assignments = new AssignmentStore();
  private final DutyStore duties = new DutyStore();
  private final RotaPlanner planner = new RotaPlanner();

  public RotaProposals(Vertx vertx, Pool pool, Clock clock, AuditTrail audit, ProfessionalService professionals,
                       RotaMonths months) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.professionals = professionals;
    this.months = months;
  }

  public Future<ProposalSummary> propose(Caller caller, String territoryId, YearMonth month) {
    RotaAccess.coordinator(caller);
    return pool.withTransaction(tx -> months.find(tx, territoryId, month, true).compose(m -> {
      if (m.status() == RotaMonth.Status.PUBLISHED) {
        return Future.failedFuture(new Conflict("MONTH_PUBLISHED", "a published month is changed place by place"));
      }
      return monthStore.places(tx, m.id()).compose(places -> monthStore.availabilities(tx, m.id())
          .compose(answers -> volunteers(tx, answers, month))
          .compose(volunteers -> plan(places, volunteers))
          .compose(timed -> assignments.clear(tx, m.id())
              .compose(v -> assignments.insertAll(tx, timed.proposal.assignments()))
              .compose(v -> monthStore.setStatus(tx, m.id(), RotaMonth.Status.PROPOSED, clock.instant()))
              .compose(v -> assignments.record(tx, m.id(), null, clock.instant(), caller.accountId(), "PROPOSED",
                  null, null, timed.proposal.assignments().size() + " places tenues, "
                      + timed.proposal.gaps().size() + " non pourvues"))
              .compose(v -> audit.record(tx, AuditEvent.of(caller, "rota.month.propose", "rota_month", m.id(),
                  territoryId)))
              .map(v -> summary(places, timed))));
    }));
  }

  public Future<Void> publish(Caller caller, String territoryId, YearMonth month) {
    RotaAccess.coordinator(caller);
    return pool.withTransaction(tx -> months.find(tx, territoryId, month, true).compose(m -> {
      if (m.status() != RotaMonth.Status.PROPOSED) {
        return Future.failedFuture(new Conflict("MONTH_NOT_PROPOSED", "propose the month before publishing it"));
      }
      return monthStore.setStatus(tx, m.id(), RotaMonth.Status.PUBLISHED, clock.instant())
          .compose(v -> assignments.record(tx, m.id(), null, clock.instant(), caller.accountId(), "PUBLISHED",
              null, null, "publié"))
          .compose(v -> audit.record(tx, AuditEvent.of(caller, "rota.month.publish", "rota_month", m.id(),
              territoryId)));
    }));
  }

  private record Timed(Proposal proposal, long millis) {
  }

  private Future<Timed> plan(List<Place> places, List<Volunteer> volunteers) {
    return vertx.executeBlocking(() -> {
      long start = System.nanoTime();
      Proposal proposal = planner.propose(places, volunteers);
      return new Timed(proposal, (System.nanoTime() - start) / 1_000_000);
    }, false);
  }

  /** The answers as the planner takes them, with each professional's profession from the directory. */
  private Future<List<Volunteer>> volunteers(SqlClient tx, Map<UUID, Availability> answers, YearMonth month) {
    java.time.Instant from = month.atDay(1).minusDays(1).atStartOfDay(SqlTime.PARIS).toInstant();
    java.time.Instant to = month.atEndOfMonth().plusDays(2).atStartOfDay(SqlTime.PARIS).toInstant();
    return duties.absences(tx, List.copyOf(answers.keySet()), from, to).compose(absent -> {
      List<Future<Volunteer>> each = new ArrayList<>();
      answers.forEach((id, a) -> each.add(professionals.findForService(id).map(p -> new Volunteer(id, a.sectorId(),
          p.map(x -> x.profession().name()).orElse("UNKNOWN"), a.offered(), new HashSet<>(a.impossible()),
          new HashSet<>(a.preferred()), absent.getOrDefault(id, List.of()).stream()
              .map(i -> new Volunteer.Absence(i[0], i[1])).toList()))));
      return Future.all(each).map(all -> all.<Volunteer>list());
    });
  }

  private static ProposalSummary summary(List<Place> places, Timed timed) {
    Proposal p = timed.proposal;
    return new ProposalSummary(places.size(), p.assignments().size(), p.gaps(), p.largestGap(),
        p.largestSpecialGap(), p.consecutiveDays(), timed.millis);
  }
}
