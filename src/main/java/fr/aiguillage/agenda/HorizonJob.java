package fr.aiguillage.agenda;

import fr.aiguillage.agenda.store.RuleStore;
import fr.aiguillage.agenda.store.SlotStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Extends every active rule's slots up to the horizon. Safe to run twice and on several instances at
 * once: rules are taken with {@code FOR UPDATE SKIP LOCKED}, each rule only from where its slots stop,
 * and the exclusion constraint refuses any overlap anyway.
 */
public final class HorizonJob {

  /** What one run did. */
  public record Result(int rulesExtended, int slotsCreated) {
  }

  private static final int BATCH = 100;
  /** Parallel transactions; SKIP LOCKED hands each a different set of rules. */
  private static final int WORKERS = 3;

  private final Pool pool;
  private final Clock clock;
  private final RuleService rules;
  private final RuleStore ruleStore = new RuleStore();
  private final SlotStore slots = new SlotStore();

  public HorizonJob(Pool pool, Clock clock, RuleService rules) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
  }

  public Future<Result> run() {
    Instant now = clock.instant();
    Instant horizon = rules.horizon(now);
    List<Future<Result>> workers = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      workers.add(batches(now, horizon, new Result(0, 0)));
    }
    return Future.all(workers).map(all -> workers.stream().map(Future::result)
        .reduce(new Result(0, 0), (a, b) -> new Result(a.rulesExtended() + b.rulesExtended(),
            a.slotsCreated() + b.slotsCreated())));
  }

  private Future<Result> batches(Instant now, Instant horizon, Result soFar) {
    return pool.withTransaction(tx -> ruleStore.lockDue(tx, horizon, BATCH).compose(due -> {
      Future<Integer> created = Future.succeededFuture(0);
      for (RuleStore.Due d : due) {
        Instant from = d.materialisedUntil() == null || d.materialisedUntil().isBefore(now) ? now
            : d.materialisedUntil();
        created = created.compose(sum -> slots.insertRuleSlots(tx, d.rule(), Occurrences.between(d.rule(), from,
                horizon), now)
            .compose(n -> ruleStore.markMaterialised(tx, d.rule().id(), horizon).map(sum + n)));
      }
      return created.map(n -> new Result(due.size(), n));
    })).compose(batch -> batch.rulesExtended() == 0 ? Future.succeededFuture(soFar)
        : batches(now, horizon, new Result(soFar.rulesExtended() + batch.rulesExtended(),
            soFar.slotsCreated() + batch.slotsCreated())));
  }
}
