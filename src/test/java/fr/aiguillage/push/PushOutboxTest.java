package fr.aiguillage.push;

import fr.aiguillage.notify.DirectOutbox;
import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.MutableClock;
import fr.aiguillage.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push's link messages go through notify's direct outbox, which sends without holding a database connection: the
 * claim is committed before the SMS goes to the (here slow) HTTP gateway, and a sender that dies mid-send leaves its
 * messages to the next sender once its claim has run out, sent then once.
 */
class PushOutboxTest extends ApiTest {

  private final HeldSmsGateway gateway = new HeldSmsGateway();
  private PushScenario push;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_SMS_GATEWAY_URL", gateway.url(), "AIGUILLAGE_PUSH_JOB_SECONDS", "3600",
        "AIGUILLAGE_NOTIFY_DISPATCH_INTERVAL_MILLIS", "3600000");
  }

  @BeforeAll
  void scene() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    push = new PushScenario(server, "outbox");
  }

  @AfterAll
  void closeGateway() {
    gateway.close();
  }

  @Test
  @DisplayName("while the SMS gateway takes its time, no database session sits idle in a transaction over the outbox"
      + " and the message's row is not locked; once answered, the link was sent once and is no longer stored")
  void slowGatewayHoldsNoConnection() {
    JsonObject gp = push.gp(Fixtures.SETE);
    push.send(push.feverTriage(), gp.getString("id")); // the médecin traitant alone: one message
    gateway.hold();
    Future<Message<Integer>> tick = server.vertx.eventBus().request(PushModule.TICK_ADDRESS, null);
    try {
      gateway.awaitRequest();
      assertThat(idleInTransaction()).as("sessions idle in a transaction while the gateway answers").isEmpty();
      assertThat(lockedRows(gp)).as("rows of this GP locked while the gateway answers").isZero();
    } finally {
      gateway.release();
    }
    Await.result(tick);

    String phone = gp.getString("phone");
    assertThat(gateway.textsTo(phone)).hasSize(1).first().asString().contains("/demande/");
    assertThat(server.count("SELECT count(*) FROM direct_notice WHERE status = 'sent' AND topic = 'push.asked'"
        + " AND body LIKE '%[lien]%' AND body NOT LIKE '%/demande/%' AND kept_body IS NULL AND claimed_until IS NULL"
        + " AND professional_id = '" + gp.getString("id") + "'")).isEqualTo(1);
  }

  @Test
  @DisplayName("an instance that dies while its gateway answers leaves its claimed messages alone until the claim runs"
      + " out (120 s); another instance then sends each once")
  void crashedSendersMessagesAreSentOnceLater() {
    JsonObject gp = push.gp(Fixtures.SETE);
    String phone = gp.getString("phone");
    push.send(push.feverTriage(), gp.getString("id")); // the médecin traitant alone: one message
    TestServer dying = TestServer.start(server.db, new MutableClock(server.clock.instant()), settings());
    gateway.hold();
    dying.vertx.eventBus().request(PushModule.TICK_ADDRESS, null);
    gateway.awaitRequest();
    dying.close();
    gateway.release();

    assertThat(gateway.textsTo(phone)).as("the dead instance's attempt").hasSize(1);
    String row = "SELECT count(*) FROM direct_notice WHERE professional_id = '" + gp.getString("id") + "'";
    assertThat(server.count(row + " AND status = 'pending' AND claimed_until IS NOT NULL")).isEqualTo(1);

    server.clock.advance(Duration.ofSeconds(119));
    sendNow();
    assertThat(gateway.textsTo(phone)).as("nothing sent while the dead instance's claim holds").hasSize(1);

    server.clock.advance(Duration.ofSeconds(1));
    sendNow();
    sendNow();
    assertThat(gateway.textsTo(phone)).as("sent again once the claim ran out, and only once").hasSize(2);
    assertThat(server.count(row + " AND status = 'sent' AND attempts = 1 AND body NOT LIKE '%/demande/%'"))
        .isEqualTo(1);
  }

  private void sendNow() {
    Await.result(server.vertx.eventBus().request(DirectOutbox.SEND_ADDRESS, null));
  }

  /** The service's sessions idle inside a transaction whose last statement read or wrote an outbox of messages. */
  private List<String> idleInTransaction() {
    List<String> found = new ArrayList<>();
    try (var c = DriverManager.getConnection(server.db.jdbcUrl(), server.db.user(), server.db.password());
         var rs = c.createStatement().executeQuery("SELECT state || ': ' || query FROM pg_stat_activity"
             + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
             + " AND state LIKE 'idle in transaction%' AND query ILIKE '%notice%'")) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  /** How many of this professional's messages another transaction holds locked (a lock held during the send). */
  private int lockedRows(JsonObject professional) {
    String id = professional.getString("id");
    try (var c = DriverManager.getConnection(server.db.jdbcUrl(), server.db.user(), server.db.password());
         var s = c.createStatement()) {
      c.setAutoCommit(false);
      var all = s.executeQuery("SELECT count(*) FROM direct_notice WHERE professional_id = '" + id + "'");
      all.next();
      int rows = all.getInt(1);
      var free = s.executeQuery("SELECT count(*) FROM (SELECT id FROM direct_notice WHERE professional_id = '" + id
          + "' FOR UPDATE SKIP LOCKED) f");
      free.next();
      int unlocked = free.getInt(1);
      c.rollback();
      return rows - unlocked;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
