package fr.aiguillage.bench;

import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh embedded PostgreSQL under target/, migrated, for benchmarks (never for the test suite). */
final class BenchDatabase {

  private BenchDatabase() {
  }

  static DatabaseServer fresh(String name) throws IOException {
    Path dir = Path.of("target", name);
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    DatabaseServer server = DatabaseServer.startEmbedded(dir);
    Migrations.migrate(server.settings());
    return server;
  }
}
