package fr.aiguillage.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import java.util.Arrays;

/** Applies the versioned SQL under {@code db/migration}. Blocking: call it off the event loop. */
public final class Migrations {

  private Migrations() {
  }

  public static int migrate(DbSettings db) {
    return flyway(db).migrate().migrationsExecuted;
  }

  /**
   * The version Flyway records for the last migration this build carries ("12.1" for V12_1): a database whose
   * history has it applied is up to date for this build (readiness). Newer versions from a later build are
   * ignored.
   */
  public static String latestVersion(DbSettings db) {
    return Arrays.stream(flyway(db).info().all())
        .filter(m -> m.getVersion() != null && m.getState().isResolved())
        .map(MigrationInfo::getVersion)
        .max(Comparable::compareTo)
        .map(v -> v.getVersion())
        .orElseThrow(() -> new IllegalStateException("no migration found under db/migration"));
  }

  private static Flyway flyway(DbSettings db) {
    return Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:db/migration")
        .load();
  }
}
