package fr.aiguillage.security;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts linked across territories before the rule existed: reported at each start, not unlinked, not honoured. */
class CrossLinkedAccountsTest extends ApiTest {

  @Test
  @DisplayName("a start logs each account linked across territories (ids only), keeps the row, and ignores the link")
  void reportedAtStart() {
    String gpOfThau = createProfessional(Fixtures.aGpInSete()).getString("id");
    String accountId = http.post("/api/v1/accounts", server.adminToken(), new JsonObject().put("login", "ancien-lien")
        .put("password", "password-of-ancien-lien").put("roles", new JsonArray().add("PROFESSIONAL"))
        .put("territories", new JsonArray().add(Fixtures.BERANGE))).bodyAsJsonObject().getString("id");
    server.execute("ALTER TABLE account DISABLE TRIGGER account_professional_in_territory;"
        + " UPDATE account SET professional_id = '" + gpOfThau + "' WHERE id = '" + accountId + "';"
        + " ALTER TABLE account ENABLE TRIGGER account_professional_in_territory");

    String log = logOfAStart();

    assertThat(log).contains("Account " + accountId + " is linked to professional " + gpOfThau)
        .contains("[" + Fixtures.BERANGE + "]").doesNotContain("ancien-lien");
    assertThat(server.count("SELECT count(*) FROM account WHERE id = '" + accountId + "' AND professional_id = '"
        + gpOfThau + "'")).isEqualTo(1);
    String token = http.login("ancien-lien", "password-of-ancien-lien");
    assertThat(http.get("/api/v1/me", token).bodyAsJsonObject().getValue("professionalId")).isNull();
  }

  /** Starts a second instance on this class's database and returns what it logged while starting. */
  private String logOfAStart() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (TestServer second = TestServer.start(server.db, new fr.aiguillage.support.MutableClock(
        Instant.parse("2026-11-23T09:00:00Z")))) {
      assertThat(second.port()).isPositive();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("an account linked inside its territories is not reported")
  void rightLinkNotReported() {
    String gpOfThau = createProfessional(Fixtures.aGpInSete()).getString("id");
    server.tokenFor("bon-lien", List.of("PROFESSIONAL"), List.of(Fixtures.THAU), gpOfThau);
    assertThat(logOfAStart()).doesNotContain("linked to professional " + gpOfThau);
  }
}
