package fr.aiguillage.support;

import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.DbSettings;
import fr.aiguillage.db.Migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM. The schema is migrated once into a template database;
 * each test class gets its own copy ({@code CREATE DATABASE … TEMPLATE}), so tests never share rows.
 */
public final class TestDatabase {

  private static final String TEMPLATE = "aiguillage_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static DatabaseServer server;

  private TestDatabase() {
  }

  public static synchronized DbSettings freshDatabase() {
    if (server == null) {
      Path dir = Path.of("target", "test-postgres-" + ProcessHandle.current().pid());
      server = DatabaseServer.startEmbedded(dir);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      execute("CREATE DATABASE " + TEMPLATE);
      Migrations.migrate(server.settings().withDatabase(TEMPLATE));
    }
    String name = "test_" + COUNTER.incrementAndGet();
    execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    return server.settings().withDatabase(name);
  }

  /** An empty database on the same server, no migration applied: for a test that migrates it in steps. */
  public static synchronized DbSettings emptyDatabase() {
    freshDatabase();
    String name = "empty_" + COUNTER.incrementAndGet();
    execute("CREATE DATABASE " + name);
    return server.settings().withDatabase(name);
  }

  /** Runs SQL as the superuser on the server's maintenance database. */
  public static void execute(String sql) {
    DbSettings admin = server.settings();
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Test database setup failed: " + sql, e);
    }
  }
}
