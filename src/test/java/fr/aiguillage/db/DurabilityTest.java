package fr.aiguillage.db;

import fr.aiguillage.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL must not trade durability for speed: the library's defaults turn off fsync and
 * synchronous commit, which would let a crash lose a booking the service had already acknowledged.
 */
class DurabilityTest {

  @Test
  void embeddedServerFlushesEveryCommitToDisk() throws Exception {
    DbSettings db = TestDatabase.freshDatabase();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         Statement s = c.createStatement()) {
      assertThat(setting(s, "fsync")).isEqualTo("on");
      assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(s, "full_page_writes")).isEqualTo("on");
    }
  }

  private static String setting(Statement s, String name) throws Exception {
    try (ResultSet r = s.executeQuery("SHOW " + name)) {
      r.next();
      return r.getString(1);
    }
  }
}
