package fr.aiguillage.bench;

import fr.aiguillage.db.DatabaseServer;

/**
 * scripts/bench-load.sh's database: an embedded PostgreSQL with bench-booking's data set (made once, then copied:
 * {@link BenchDatabase#withBookingData}) ({@code n}
 * professionals of every profession, 20 free SNP slots each over 7 days), kept up for the two service
 * instances and the load until the script closes our standard input. Prints {@code PGPORT=...} when ready.
 */
public final class LoadData {

  private LoadData() {
  }

  public static void main(String[] args) throws Exception {
    int professionals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    DatabaseServer db = BenchDatabase.withBookingData("bench-load-pg", professionals);
    System.out.println("PGPORT=" + db.settings().port());
    System.out.flush();
    while (System.in.read() != -1) {
      Thread.onSpinWait();
    }
    db.close();
  }
}
