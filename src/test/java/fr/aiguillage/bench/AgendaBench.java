package fr.aiguillage.bench;

import fr.aiguillage.agenda.AgendaAccess;
import fr.aiguillage.agenda.HorizonJob;
import fr.aiguillage.agenda.RuleService;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Pools;
import fr.aiguillage.directory.TerritoryService;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench-agenda.sh: materialise 28 days of slots for 2,000 professionals with 2 rules each
 * (weekday mornings SNP in 20-minute slots, three afternoons a week in 15-minute slots), through the
 * same horizon job the service runs.
 */
public final class AgendaBench {

  public static void main(String[] args) throws Exception {
    int professionals = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    try (DatabaseServer db = BenchDatabase.fresh("bench-agenda-pg")) {
      Vertx vertx = Vertx.vertx();
      Pool pool = Pools.create(vertx, db.settings(), 8);
      new TerritoryService(pool).loadFrom(Path.of("config/territories.json")).await(1, TimeUnit.MINUTES);
      long t0 = System.nanoTime();
      BenchData.professionalsWithSites(pool, "17", professionals, BenchData.Mix.GPS, 0.02);
      BenchData.twoRulesEach(pool);
      System.out.printf("generated %d professionals and %d rules in %d ms%n", professionals, professionals * 2,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      RuleService rules = new RuleService(pool, Clock.systemUTC(), null, new AgendaAccess(null), 28);
      HorizonJob job = new HorizonJob(pool, Clock.systemUTC(), rules);
      long start = System.nanoTime();
      HorizonJob.Result result = job.run().await(30, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("materialised %d rules → %d slots in %.2f s = %.0f slots/s%n", result.rulesExtended(),
          result.slotsCreated(), seconds, result.slotsCreated() / seconds);
      long again = System.nanoTime();
      HorizonJob.Result second = job.run().await(5, TimeUnit.MINUTES);
      System.out.printf("second run (idempotent): %d slots created in %d ms%n", second.slotsCreated(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - again));
      pool.close().await(1, TimeUnit.MINUTES);
      vertx.close().await(1, TimeUnit.MINUTES);
    }
  }
}
