package fr.aiguillage.ops;

import fr.aiguillage.db.DbSettings;
import fr.aiguillage.support.MutableClock;
import fr.aiguillage.support.TestDatabase;
import fr.aiguillage.support.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database (issue 18's load set-up, a rolling restart) may start at the same
 * moment on a base that has no account yet: both create the first administrator, and the second's insert meets the
 * first's. It must start all the same, with the one account the first made.
 */
class TwoInstancesStartTest {

  @RepeatedTest(3)
  @DisplayName("two instances started at once on a new database both serve, with one administrator account")
  void twoInstancesStartTogether() throws Exception {
    DbSettings db = TestDatabase.freshDatabase();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    CompletableFuture<TestServer> a = CompletableFuture.supplyAsync(() -> TestServer.start(db, clock));
    CompletableFuture<TestServer> b = CompletableFuture.supplyAsync(() -> TestServer.start(db, clock));
    try (TestServer first = a.get(3, TimeUnit.MINUTES); TestServer second = b.get(3, TimeUnit.MINUTES)) {
      assertThat(first.count("SELECT count(*) FROM account WHERE login = 'admin'")).isEqualTo(1);
      assertThat(first.adminToken()).isNotBlank();
      assertThat(second.adminToken()).isNotBlank();
    } finally {
      a.thenAccept(TestServer::close);
      b.thenAccept(TestServer::close);
    }
  }
}
