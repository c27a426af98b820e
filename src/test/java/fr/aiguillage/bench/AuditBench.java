package fr.aiguillage.bench;

import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.DbSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit hash chain's cost (issue 19): pgbench inserts audit rows into {@code audit_event} (chained by its
 * trigger) and into a copy of the table without any trigger (the ceiling), one row per transaction, then with a
 * 50 ms wait inside each transaction after its row: were every writer queued behind one lock, 8 clients could not
 * pass 20 transactions per second there (the ceiling is about 8 / 0.05 = 160).
 */
public final class AuditBench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  private AuditBench() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    try (DatabaseServer server = BenchDatabase.fresh("bench-audit-pg")) {
      DbSettings db = server.settings();
      try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); var s = c.createStatement()) {
        s.execute("CREATE TABLE audit_plain (LIKE audit_event INCLUDING DEFAULTS INCLUDING IDENTITY)");
        s.execute("ALTER TABLE audit_plain ALTER chain DROP NOT NULL, ALTER chain_seq DROP NOT NULL,"
            + " ALTER prev_hash DROP NOT NULL, ALTER hash DROP NOT NULL");
      }
      String row = " (at, account_id, action, entity_type, entity_id, territory_id, client_ip, outcome) VALUES"
          + " (now(), gen_random_uuid(), 'patient.read', 'patient', gen_random_uuid()::text, 'bassin-de-thau',"
          + " '127.0.0.1', 'SUCCESS');\n";
      for (String wait : List.of("", "SELECT pg_sleep(0.05);\n")) {
        double chained = run(db, "BEGIN;\nINSERT INTO audit_event" + row + wait + "COMMIT;\n", seconds, clients);
        double plain = run(db, "BEGIN;\nINSERT INTO audit_plain" + row + wait + "COMMIT;\n", seconds, clients);
        System.out.printf("%s: chained %.0f tps, without chain (ceiling) %.0f tps, ratio %.2f%n",
            wait.isEmpty() ? "one row per transaction" : "one row per transaction with 50 ms inside",
            chained, plain, chained / plain);
      }
      try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
           var rs = c.createStatement().executeQuery("SELECT count(DISTINCT chain), count(*) FROM audit_event")) {
        rs.next();
        System.out.printf("audit rows written: %d over %d chains%n", rs.getLong(2), rs.getLong(1));
      }
    }
  }

  private static double run(DbSettings db, String script, int seconds, int clients) throws Exception {
    Path file = Files.createTempFile("audit-bench", ".sql");
    Files.writeString(file, script);
    ProcessBuilder pb = new ProcessBuilder("pgbench", "-n", "-h", db.host(), "-p", Integer.toString(db.port()),
        "-U", db.user(), "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds),
        "-f", file.toString(), db.database()).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", db.password());
    Process process = pb.start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    Matcher m = TPS.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("pgbench said: " + out);
    }
    return Double.parseDouble(m.group(1));
  }
}
