package fr.aiguillage.bench;

import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A fresh embedded PostgreSQL under target/, migrated, for benchmarks (never for the test suite). */
final class BenchDatabase {

  /** Writes a data set into a freshly migrated database. */
  interface Generator {
    void generate(DatabaseServer db) throws Exception;
  }

  private BenchDatabase() {
  }

  static DatabaseServer fresh(String name) throws IOException {
    Path dir = Path.of("target", name);
    delete(dir);
    DatabaseServer server = DatabaseServer.startEmbedded(dir);
    Migrations.migrate(server.settings());
    return server;
  }

  /**
   * A data set generated once into {@code target/bench-data/<name>} and reused by later runs while its
   * {@code key} (what was generated: sizes, version) is the same and it is younger than {@code maxAge} (slots are
   * generated relative to the time of generation). A reused database is migrated again, so a new migration
   * (an index) is applied to the existing data. Prints which of the two happened and how long generation took.
   */
  static DatabaseServer reused(String name, String key, Duration maxAge, Generator generator) throws Exception {
    Path dir = Path.of("target", "bench-data", name);
    Path marker = Path.of("target", "bench-data", name + ".ready");
    if (Files.exists(marker) && Files.exists(dir)) {
      List<String> lines = Files.readAllLines(marker);
      Instant generated = Instant.parse(lines.get(1));
      if (lines.get(0).equals(key) && generated.plus(maxAge).isAfter(Instant.now())) {
        long t0 = System.nanoTime();
        DatabaseServer server = DatabaseServer.startEmbedded(dir);
        Migrations.migrate(server.settings());
        System.out.printf("data set %s reused (generated %s), started and migrated in %.1f s%n", key, generated,
            (System.nanoTime() - t0) / 1e9);
        return server;
      }
    }
    Files.deleteIfExists(marker);
    delete(dir);
    long t0 = System.nanoTime();
    DatabaseServer server = DatabaseServer.startEmbedded(dir);
    Migrations.migrate(server.settings());
    generator.generate(server);
    Files.write(marker, List.of(key, Instant.now().toString()));
    System.out.printf("data set %s generated in %.1f s (kept in %s for the next runs)%n", key,
        (System.nanoTime() - t0) / 1e9, dir);
    return server;
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
