package fr.aiguillage.support;

import fr.aiguillage.db.DbSettings;
import fr.aiguillage.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server the test owns, outside the service (the service reaches it through {@code AIGUILLAGE_DB_URL}),
 * that the test can stop and start again on the same files and port: a database restart or failover as the
 * service sees it.
 */
public final class ExternalPostgres implements AutoCloseable {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final Path directory;
  private int port;
  private EmbeddedPostgres running;

  private ExternalPostgres(Path directory) {
    this.directory = directory;
  }

  /** A new server with the schema migrated. */
  public static ExternalPostgres startMigrated() {
    ExternalPostgres pg = new ExternalPostgres(Path.of("target",
        "external-postgres-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet()));
    pg.start();
    Migrations.migrate(pg.settings());
    return pg;
  }

  /** Starts the server (again) on its files and, after the first start, on the same port. */
  public void start() {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(directory)
          .setCleanDataDirectory(false).setRegisterShutdownHook(true).setPGStartupWait(Duration.ofSeconds(60));
      if (port > 0) {
        builder.setPort(port);
      }
      running = builder.start();
      port = running.getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server (fast shutdown: sessions are ended, as on a restart). */
  public void stop() {
    try {
      running.close();
      running = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A plain JDBC session on one of the server's databases, for the test's own hand on the server. */
  public java.sql.Connection session(String database) throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "");
  }

  /** The URL an operator would put in {@code AIGUILLAGE_DB_URL}. */
  public String url() {
    return "postgresql://postgres@localhost:" + port + "/postgres";
  }

  public DbSettings settings() {
    return DbSettings.fromUrl(url());
  }

  @Override
  public void close() {
    if (running != null) {
      stop();
    }
  }
}
