package fr.aiguillage.db;

import fr.aiguillage.config.AppConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The database the service talks to: an external server named by {@code db.url}, or, when none is
 * configured, an embedded PostgreSQL whose files live under {@code dataDir/postgres} so a restart
 * keeps every record.
 */
public final class DatabaseServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseServer.class);

  private final DbSettings settings;
  private final EmbeddedPostgres embedded;

  private DatabaseServer(DbSettings settings, EmbeddedPostgres embedded) {
    this.settings = settings;
    this.embedded = embedded;
  }

  public static DatabaseServer start(AppConfig config) {
    if (!config.usesEmbeddedDatabase()) {
      return new DatabaseServer(DbSettings.fromUrl(config.dbUrl()), null);
    }
    return startEmbedded(config.dataDir().resolve("postgres"));
  }

  /**
   * Starts (or restarts on existing files) an embedded PostgreSQL in {@code directory}, first stopping what a
   * killed earlier run left there.
   */
  public static DatabaseServer startEmbedded(Path directory) {
    try {
      Files.createDirectories(directory);
      LeftoverPostgres.clear(directory);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(directory)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "200")
          // The library's defaults favour test speed (no fsync, asynchronous commit); an acknowledged
          // booking must survive a crash, so every commit is flushed.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .start();
      LOG.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), directory.toAbsolutePath());
      return new DatabaseServer(new DbSettings("localhost", pg.getPort(), "postgres", "postgres", ""), pg);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + directory.toAbsolutePath(), e);
    }
  }

  public DbSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    if (embedded == null) {
      return;
    }
    try {
      embedded.close();
      LOG.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
