package fr.aiguillage.db;

import org.flywaydb.core.Flyway;

/** Applies the versioned SQL under {@code db/migration}. Blocking: call it off the event loop. */
public final class Migrations {

  private Migrations() {
  }

  public static int migrate(DbSettings db) {
    return Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
