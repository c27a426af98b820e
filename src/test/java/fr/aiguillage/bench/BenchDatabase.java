package fr.aiguillage.bench;

import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Migrations;
import fr.aiguillage.db.Pools;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.indicators.store.RollupStore;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  /**
   * {@link #reused}'s data set, but run on a private copy under target/{@code run}: the kept data set is never
   * started, migrated or written in place (it may be shared with other worktrees through a symlink, read-only, and a
   * migration of this branch must not reach it). Generated into target/bench-data only when missing or stale. A copy
   * taken while some other process had the data set started (postmaster.pid present) is refused.
   */
  static DatabaseServer reusedCopy(String name, String key, Duration maxAge, String run, Generator generator)
      throws Exception {
    Path dir = Path.of("target", "bench-data", name);
    Path marker = Path.of("target", "bench-data", name + ".ready");
    boolean fresh = Files.exists(marker) && Files.exists(dir) && Files.readAllLines(marker).get(0).equals(key)
        && Instant.parse(Files.readAllLines(marker).get(1)).plus(maxAge).isAfter(Instant.now());
    if (!fresh) {
      reused(name, key, maxAge, generator).close();
    }
    if (Files.exists(dir.resolve("postmaster.pid"))) {
      throw new IllegalStateException(dir.toRealPath() + " is running (postmaster.pid): not copied");
    }
    long t0 = System.nanoTime();
    Path copy = Path.of("target", run);
    delete(copy);
    copy(dir, copy);
    if (Files.exists(dir.resolve("postmaster.pid"))) {
      throw new IllegalStateException(dir.toRealPath() + " was started during the copy: the copy is not usable");
    }
    DatabaseServer server = DatabaseServer.startEmbedded(copy);
    Migrations.migrate(server.settings());
    System.out.printf("data set %s (generated %s) copied from %s to %s, started and migrated in %.1f s%n", key,
        Files.readAllLines(marker).get(1), dir.toRealPath(), copy, (System.nanoTime() - t0) / 1e9);
    return server;
  }

  /**
   * A database under target/{@code name} holding bench-booking's data set ({@code professionals} and their 7 days of
   * slots), copied from a template made once per size and day under target/bench-data/ (the slots start from the
   * day they were made), so that a second run, or bench-load after bench-booking, skips the generation. The copy
   * is migrated: a template made before a new migration still serves.
   */
  static DatabaseServer withBookingData(String name, int professionals) throws Exception {
    Path template = Path.of("target", "bench-data", professionals + "-professionals-" + LocalDate.now());
    if (!Files.exists(template.resolve("READY"))) {
      delete(template); // only this size's template: other benchmarks keep theirs under bench-data/
      long t0 = System.nanoTime();
      DatabaseServer maker = DatabaseServer.startEmbedded(template.resolve("pg"));
      Migrations.migrate(maker.settings());
      Vertx vertx = Vertx.vertx();
      // Its own pool with a long wait: on a loaded machine a new connection can take longer than the service's 5 s.
      Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4).setConnectionTimeout(120))
          .connectingTo(Pools.connectOptions(maker.settings())).using(vertx).build();
      new TerritoryService(pool).loadFrom(Path.of("config/territories.json")).await(10, TimeUnit.MINUTES);
      BookingData.professionals(pool, professionals);
      BookingData.slots(pool);
      pool.close().await(1, TimeUnit.MINUTES);
      vertx.close().await(1, TimeUnit.MINUTES);
      maker.close();
      Files.writeString(template.resolve("READY"), "");
      System.out.printf("data set: %d professionals and their slots generated in %.1f s (kept in %s)%n",
          professionals, (System.nanoTime() - t0) / 1e9, template);
    } else {
      System.out.printf("data set: %d professionals reused from %s%n", professionals, template);
    }
    if (!Files.exists(template.resolve("ROLLED-UP"))) {
      rollUp(template.resolve("pg"));
      Files.writeString(template.resolve("ROLLED-UP"), "");
    }
    Path dir = Path.of("target", name);
    delete(dir);
    copy(template.resolve("pg"), dir);
    DatabaseServer server = DatabaseServer.startEmbedded(dir);
    Migrations.migrate(server.settings());
    return server;
  }

  /**
   * Consumes, once, the indicator changes the data set's 2,000,000 slot inserts left pending (the triggers of
   * decision 0019), as a running service would have done while they were written. Otherwise every service started
   * on a copy first rewrites all of them, and that refresh held its event loop for 2-4 s at a time for minutes
   * (decision 0029): the benchmark would measure the catch-up, not the service.
   */
  private static void rollUp(Path data) throws Exception {
    long t0 = System.nanoTime();
    DatabaseServer maker = DatabaseServer.startEmbedded(data);
    Migrations.migrate(maker.settings());
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2).setConnectionTimeout(120))
        .connectingTo(Pools.connectOptions(maker.settings())).using(vertx).build();
    RollupStore rollups = new RollupStore();
    int total = 0;
    for (int n = rollups.refresh(pool).await(30, TimeUnit.MINUTES); n > 0;
         n = rollups.refresh(pool).await(30, TimeUnit.MINUTES)) {
      total += n;
    }
    pool.close().await(1, TimeUnit.MINUTES);
    vertx.close().await(1, TimeUnit.MINUTES);
    maker.close();
    System.out.printf("data set: indicator rollups brought up to date once (%d changes) in %.1f s%n", total,
        (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Copies a data directory, then writes the copy's file system to disk: left in the page cache, its gigabytes would
   * be written back during the measurement (the kernel's 30 s expiry, then PostgreSQL's first checkpoint), beside the
   * commits' flushes (decision 0042; seen in /proc/meminfo, its effect on the figures not measured apart).
   */
  private static void copy(Path from, Path to) throws IOException {
    copyFiles(from, to);
    try {
      if (new ProcessBuilder("sync", "-f", to.toString()).inheritIO().start().waitFor() != 0) {
        throw new IOException("sync failed after copying " + from + " to " + to);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while syncing " + to, e);
    }
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(source -> {
        Path target = to.resolve(from.relativize(source).toString());
        try {
          if (Files.isDirectory(source)) {
            // PostgreSQL refuses a data directory others can read (0700 or 0750 only).
            Files.createDirectories(target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
          } else if (!source.getFileName().toString().equals("postmaster.pid")
              && !source.getFileName().toString().equals("epg-lock")) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
