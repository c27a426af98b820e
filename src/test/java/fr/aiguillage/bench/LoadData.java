package fr.aiguillage.bench;

import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Pools;
import fr.aiguillage.directory.TerritoryService;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench-load.sh's database: a fresh embedded PostgreSQL with bench-booking's data set ({@code n}
 * professionals of every profession, 20 free SNP slots each over 7 days), kept up for the two service
 * instances and the load until the script closes our standard input. Prints {@code PGPORT=...} when ready.
 */
public final class LoadData {

  private LoadData() {
  }

  public static void main(String[] args) throws Exception {
    int professionals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    DatabaseServer db = BenchDatabase.fresh("bench-load-pg");
    Vertx vertx = Vertx.vertx();
    Pool pool = Pools.create(vertx, db.settings(), 4);
    new TerritoryService(pool).loadFrom(Path.of("config/territories.json")).await(10, TimeUnit.MINUTES);
    long t0 = System.nanoTime();
    BookingData.professionals(pool, professionals);
    BookingData.slots(pool);
    System.out.printf("generated %d professionals and their slots in %.1f s%n", professionals,
        (System.nanoTime() - t0) / 1e9);
    pool.close().await(10, TimeUnit.MINUTES);
    vertx.close().await(10, TimeUnit.MINUTES);
    System.out.println("PGPORT=" + db.settings().port());
    System.out.flush();
    while (System.in.read() != -1) {
      Thread.onSpinWait();
    }
    db.close();
  }
}
