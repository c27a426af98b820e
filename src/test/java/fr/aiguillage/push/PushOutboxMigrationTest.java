package fr.aiguillage.push;

import fr.aiguillage.db.DbSettings;
import fr.aiguillage.db.Migrations;
import fr.aiguillage.notify.DirectOutbox;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.MutableClock;
import fr.aiguillage.support.TestDatabase;
import fr.aiguillage.support.TestServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/** V33 moves push_notice's rows into direct_notice: none lost, the queued ones sent afterwards, their link not kept. */
class PushOutboxMigrationTest {

  private static final String PRO = "0a000000-0000-4000-8000-000000000001";
  private static final String LINK = "https://cpts.example/demande/" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

  @Test
  @DisplayName("a message still queued in push_notice when V33 runs is sent once afterwards, its link then no longer"
      + " stored; a message already sent moves as it was")
  void queuedPushMessagesSurviveTheMigration() throws SQLException {
    DbSettings db = TestDatabase.emptyDatabase();
    migrateToJustBefore33(db);
    try (Connection c = connect(db); var s = c.createStatement()) {
      s.execute("INSERT INTO territory (id, name, department) VALUES ('" + Fixtures.THAU + "', 'Thau', '34')"
          + " ON CONFLICT DO NOTHING");
      s.execute("INSERT INTO professional (id, rpps, family_name, given_name, profession, phone, accepts_snp,"
          + " accepts_overbooking, mt_capacity, created_at, updated_at) VALUES ('" + PRO + "', '10000000001',"
          + " 'Migré', 'Essai', 'GENERAL_PRACTITIONER', '+33612000999', true, false, 0, now(), now())");
      s.execute("SET session_replication_role = replica"); // the requests themselves are not needed here
      s.execute("INSERT INTO push_notice (id, request_id, professional_id, territory_id, channel, recipient, body,"
          + " status, created_at) VALUES (gen_random_uuid(), gen_random_uuid(), '" + PRO + "', '" + Fixtures.THAU
          + "', 'SMS', '+33612000999', 'CPTS : demande de prise en charge. Répondre : " + LINK
          + "', 'pending', now())");
      s.execute("INSERT INTO push_notice (id, request_id, professional_id, territory_id, channel, recipient, body,"
          + " status, attempts, created_at, sent_at) VALUES (gen_random_uuid(), gen_random_uuid(), '" + PRO + "', '"
          + Fixtures.THAU + "', 'SMS', '+33612000999', 'Déjà envoyé. Répondre : [lien]', 'sent', 1, now(), now())");
    }

    Migrations.migrate(db);
    assertThat(count(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'push_notice'")).isZero();
    assertThat(count(db, "SELECT count(*) FROM direct_notice WHERE topic = 'push.asked' AND status = 'pending'"
        + " AND body LIKE '%" + LINK + "' AND kept_body = 'CPTS : demande de prise en charge. Répondre : [lien]'"))
        .isEqualTo(1);
    assertThat(count(db, "SELECT count(*) FROM direct_notice WHERE topic = 'push.asked' AND status = 'sent'"
        + " AND body = 'Déjà envoyé. Répondre : [lien]' AND attempts = 1")).isEqualTo(1);

    try (TestServer server = TestServer.start(db, new MutableClock(Instant.parse("2026-11-23T09:00:00Z")))) {
      Await.result(server.vertx.eventBus().request(DirectOutbox.SEND_ADDRESS, null));
      Await.result(server.vertx.eventBus().request(DirectOutbox.SEND_ADDRESS, null));
    }
    assertThat(count(db, "SELECT count(*) FROM notification_journal WHERE recipient = '+33612000999'"
        + " AND body LIKE '%" + LINK + "'")).as("the queued message, sent once with its link").isEqualTo(1);
    assertThat(count(db, "SELECT count(*) FROM direct_notice WHERE status = 'sent' AND body LIKE '%[lien]'"
        + " AND body NOT LIKE '%/demande/%'")).isEqualTo(2);
  }

  /** Up to the last migration before V33, whichever number it has once branches are merged. */
  private static void migrateToJustBefore33(DbSettings db) {
    Flyway all = Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:db/migration").load();
    MigrationVersion before = Arrays.stream(all.info().all()).map(MigrationInfo::getVersion)
        .filter(v -> v != null && v.compareTo(MigrationVersion.fromVersion("33")) < 0)
        .max(Comparator.naturalOrder()).orElseThrow();
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration")
        .target(before).load().migrate();
  }

  private static Connection connect(DbSettings db) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  private static long count(DbSettings db, String sql) throws SQLException {
    try (Connection c = connect(db); var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
