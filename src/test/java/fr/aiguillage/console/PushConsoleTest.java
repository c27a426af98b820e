package fr.aiguillage.console;

import fr.aiguillage.push.PushModule;
import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Browser;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push requests (issue 23) in Debian's Chromium against the real service, one browser for the class: the operator's
 * window on {@code localhost}, the professionals' phone window on {@code 127.0.0.1} (another host, so another cookie
 * jar: a link opened beside a signed-in operator is not sent with the operator's session). Clock: Monday 23 November
 * 2026, 10:00 Paris.
 */
class PushConsoleTest extends ApiTest {

  private static final Pattern LINK = Pattern.compile("/demande/([A-Za-z0-9_-]{20,})");

  private Browser browser;
  private ConsoleScenario world;
  private TeamScenario team;
  private String operator;

  @BeforeAll
  void browserAndPeople() {
    browser = Browser.start();
    world = new ConsoleScenario(server);
    team = new TeamScenario(server);
    operator = world.account("operatrice", "OPERATOR");
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private String operatorSite() {
    return "http://localhost:" + server.port();
  }

  private String phoneSite() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A GP of Sète who takes requests at any hour, with a console account and this phone; their record. */
  private JsonObject gpTakingRequests(String familyName, String login, String phone) {
    JsonObject gp = team.booking.professional(Fixtures.aGpInSete().put("familyName", familyName).put("givenName", "Claude")
        .put("phone", phone));
    var settings = http.send(HttpMethod.PUT, "/api/v1/professionals/" + gp.getString("id") + "/push-settings",
        team.coordinator, new JsonObject().put("takesRequests", true).put("hours", new JsonArray()).toBuffer());
    assertThat(settings.statusCode()).as(settings.bodyAsString()).isEqualTo(200);
    team.accountFor(login, gp);
    return gp;
  }

  /**
   * The link of the professional's message: in notify's direct outbox until it is sent (sending blanks it there), then in the
   * journal of messages (no SMS gateway here).
   */
  private String linkOf(JsonObject professional) {
    String sql = "SELECT body FROM direct_notice WHERE topic = 'push.asked' AND professional_id = '"
        + professional.getString("id") + "'"
        + " UNION ALL SELECT body FROM notification_journal WHERE recipient = '" + professional.getString("phone") + "'";
    try (var c = DriverManager.getConnection(server.db.jdbcUrl(), server.db.user(), server.db.password());
         var rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        Matcher m = LINK.matcher(rs.getString(1));
        if (m.find()) {
          return "/demande/" + m.group(1);
        }
      }
      throw new AssertionError("no link in a message to " + professional.getString("familyName"));
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void signIn(String login) {
    browser.heading("Connexion");
    browser.type(browser.field("Identifiant"), login);
    browser.type(browser.field("Mot de passe"), TestServer.passwordOf(login));
    browser.click(browser.button("Se connecter"));
  }

  @Test
  @DisplayName("an altered link's page says in French that the link is unknown, on a strict CSP, never cached")
  void unknownLinkIsSaidInFrench() {
    browser.size(390, 844);
    browser.open(phoneSite() + "/demande/" + "A".repeat(43));
    browser.heading("Lien inconnu");
    browser.text("Ce lien ne correspond à aucune demande : vérifiez qu'il est complet, ou ouvrez le dernier message reçu.");
    assertThat(browser.scrollsSideways()).isFalse();
    browser.assertAccessible("lien inconnu");
    var page = http.get("/demande/" + "A".repeat(43), null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.bodyAsString()).contains("/demande.js").doesNotContain("<script>").doesNotContain("style=");
  }

  @Test
  @DisplayName("an operator sends a request; a GP sees it arrive live; another GP accepts on the phone page; the operator "
      + "sees the appointment without reloading; the first GP's page then says it is closed")
  void requestIsSentAcceptedAndClosed() throws Exception {
    JsonObject first = gpTakingRequests("Premiere", "docteur-premiere", "06 40 00 00 01");
    JsonObject second = gpTakingRequests("Seconde", "docteur-seconde", "06 40 00 00 02");
    world.patient("Poussee", "06 11 22 33 40");

    // the first GP follows their requests in the console, on their phone (another window, another host)
    browser.size(1366, 900);
    browser.open(operatorSite() + "/");
    String operatorWindow = browser.driver.getWindowHandle();
    browser.driver.switchTo().newWindow(WindowType.WINDOW);
    String phoneWindow = browser.driver.getWindowHandle();
    browser.size(390, 844);
    browser.open(phoneSite() + "/#/demandes-recues");
    signIn("docteur-premiere");
    browser.heading("Demandes de rendez-vous");
    browser.text("Aucune demande en attente.");
    browser.heading("Réglage des demandes");
    browser.assertAccessible("demandes reçues et réglage, sur téléphone");

    // the operator: call, triage changed to a GP today, no slot, the request
    browser.driver.switchTo().window(operatorWindow);
    signIn("operatrice");
    world.ringing("push-1", "06 11 22 33 40");
    browser.click(browser.button("Prendre l'appel du 06 11 22 33 40"));
    browser.text("Zoé Poussee, né(e) le 17 mai 1984");
    new ConsoleSteps(browser).answerSimpleCystitis();
    browser.click(browser.button("Modifier l'orientation"));
    browser.choose(browser.field("Urgence retenue"), "Dans la journée");
    browser.choose(browser.field("Professionnel"), "médecin généraliste");
    browser.type(browser.field("Motif de la modification (obligatoire)"), "Fièvre et douleurs : voir un médecin");
    browser.click(browser.button("Enregistrer la modification"));
    browser.text("Aucun créneau libre dans le délai pour cette orientation.");
    // the patient's médecin traitant, picked from the directory with the keyboard alone
    browser.tabTo(browser.field("Chercher par nom dans l'annuaire"));
    browser.keys("premiere", Keys.ENTER);
    browser.text("1 professionnel trouvé : choisissez ci-dessous.");
    browser.tabTo(browser.radio("Médecin traitant du patient", "Non renseigné"));
    browser.keys(Keys.ARROW_DOWN);
    assertThat(browser.radio("Médecin traitant du patient",
        "Dr Claude Premiere — médecin généraliste — Cabinet du port, 1 quai de test").isSelected()).isTrue();
    browser.type(browser.field("Note pour les professionnels (facultative)"), "Patiente disponible tout l'après-midi");
    browser.assertAccessible("demander aux professionnels, médecin traitant choisi");
    browser.click(browser.button("Envoyer la demande aux professionnels"));
    browser.heading("Demande aux professionnels");
    // the table is drawn again on each event: the row is waited for with its ring rather than read once
    browser.visible(By.xpath("//table[contains(@class,'push-recipients')]//tr[td[normalize-space()='Claude Premiere']"
        + " and td[normalize-space()='médecin traitant']]"));
    assertThat(browser.driver.findElements(By.xpath("//td[normalize-space()='Claude Seconde']"))).isEmpty();
    browser.text("Patiente disponible tout l'après-midi");
    browser.assertAccessible("suivi de la demande");
    browser.driver.executeScript("window.notReloaded = true;");

    // the first GP's console shows it without reloading; the second GP accepts from the link on their phone
    browser.driver.switchTo().window(phoneWindow);
    browser.visible(By.xpath("//article[contains(@class,'push-card')]//*[normalize-space()=\"Patiente disponible tout l'après-midi\"]"));
    browser.assertAccessible("demande reçue dans la console");

    // nobody answered the médecin traitant yet: the operator widens now, and the second GP is asked
    browser.driver.switchTo().window(operatorWindow);
    browser.click(browser.button("Élargir maintenant"));
    browser.visible(By.xpath("//table[contains(@class,'push-recipients')]//td[normalize-space()='Claude Seconde']"));

    // the second GP's link opened on the first GP's signed-in phone is refused, in French, with a way on
    browser.driver.switchTo().window(phoneWindow);
    String secondLink = linkOf(second);
    // followed from the signed-in console page, as from a message read in the phone's browser (a navigation the
    // browser starts by itself, like the driver's, does not carry the SameSite=Strict session to the page)
    browser.driver.executeScript("window.location.assign(arguments[0]);", secondLink);
    browser.heading("Ce lien ne vous est pas destiné");
    browser.text("déconnectez-vous puis ouvrez à nouveau le lien.");
    assertThat(browser.scrollsSideways()).isFalse();
    browser.assertAccessible("lien d'un autre professionnel");
    browser.click(browser.driver.findElement(By.linkText("Voir mes demandes de rendez-vous dans la console")));
    browser.heading("Demandes de rendez-vous");
    browser.click(browser.button("Se déconnecter"));
    browser.heading("Connexion");
    browser.open(phoneSite() + secondLink);
    browser.heading("Demande de rendez-vous");
    String page = browser.visible(By.cssSelector("article.push-card")).getText();
    assertThat(page).contains("Femme").contains("Sète").contains("Patiente disponible tout l'après-midi")
        .doesNotContain("Poussee").doesNotContain("06 11 22 33 40").doesNotContain("1984");
    assertThat(browser.scrollsSideways()).isFalse();
    browser.assertAccessible("page du lien, sur téléphone");
    browser.screenshot("demande-telephone");
    browser.type(browser.field("Heure (hh:mm)"), "14:30");
    browser.click(browser.button("Accepter"));
    browser.text("Rendez-vous confirmé : il est dans votre agenda et le patient est prévenu.");
    assertThat(browser.visible(By.cssSelector(".confirmed")).getText()).contains("Zoé").contains("Poussee")
        .contains("06 11 22 33 40").contains("lundi 23 novembre à 14 h 30");
    browser.screenshot("demande-acceptee");

    // the operator's screen, not reloaded, shows the appointment
    browser.driver.switchTo().window(operatorWindow);
    browser.heading("Rendez-vous pris");
    assertThat(browser.visible(By.cssSelector(".push-accepted")).getText()).contains("Claude Seconde")
        .contains("lundi 23 novembre à 14 h 30");
    assertThat((Boolean) browser.driver.executeScript("return window.notReloaded === true;")).isTrue();
    browser.assertAccessible("demande acceptée");
    browser.screenshot("suivi-demande-acceptee");
    assertThat(server.count("SELECT count(*) FROM appointment a JOIN slot s ON s.id = a.slot_id WHERE s.professional_id = '"
        + second.getString("id") + "' AND a.status = 'booked'")).isEqualTo(1);

    // the first GP's link now says the request is taken
    browser.driver.switchTo().window(phoneWindow);
    browser.open(phoneSite() + linkOf(first));
    browser.text("Déjà pris en charge, merci.");
    assertThat(browser.hasButton("Accepter")).isFalse();
    browser.assertAccessible("demande close");
    browser.driver.close();

    // the territory's requests by state, each leading to its follow-up
    browser.driver.switchTo().window(operatorWindow);
    browser.click(browser.driver.findElement(By.linkText("Demandes aux professionnels")));
    browser.heading("Demandes aux professionnels");
    browser.choose(browser.field("État"), "Acceptée");
    WebElement follow = browser.visible(By.xpath("//a[normalize-space()='Suivre']"));
    browser.assertAccessible("liste des demandes");
    browser.click(follow);
    browser.heading("Suivi de la demande");
    browser.heading("Rendez-vous pris");
  }

  @Test
  @DisplayName("when nobody accepts, the call queue says so and leads to the alert: those asked with their phones, and "
      + "the professionals taking an extra patient (as the triage's search finds them)")
  void nobodyAccepts() {
    JsonObject silent = gpTakingRequests("Silencieuse", "docteur-silencieuse", "06 40 00 00 03");
    team.booking.professional(Fixtures.aGpInSete().put("familyName", "Surnumeraire").put("givenName", "Dominique")
        .put("phone", "06 40 00 00 09").put("acceptsOverbooking", true));
    String patient = world.patient("Sansreponse", "06 11 22 33 41");
    var triage = http.post("/api/v1/triage", operator, new JsonObject().put("patientId", patient).put("age", 40)
        .put("sex", "F").put("complaint", "FEVER").put("answers", new JsonObject().put("temperatureC", 38.5)
            .put("poorTolerance", true)));
    assertThat(triage.statusCode()).as(triage.bodyAsString()).isEqualTo(201);
    var sent = http.post("/api/v1/push-requests", operator, new JsonObject()
        .put("triageId", triage.bodyAsJsonObject().getString("id")));
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(201);
    browser.size(1366, 900);
    browser.open(operatorSite() + "/#/appels");
    signIn("operatrice");
    browser.heading("File d'appels");
    Instant before = server.clock.instant();
    try {
      server.clock.set(before.plus(Duration.ofHours(11)));
      Await.result(server.vertx.eventBus().request(PushModule.TICK_ADDRESS, null));
      browser.click(browser.visible(By.linkText("voir les professionnels à appeler")));
      browser.heading("Personne n'a accepté la demande");
      String alert = browser.visible(By.cssSelector(".push-alert")).getText();
      assertThat(alert).contains("Claude Silencieuse — 06 40 00 00 03")
          .contains("Professionnels acceptant un patient en surnuméraire")
          .contains("Dominique Surnumeraire — 06 40 00 00 09");
      assertThat(alert.substring(alert.indexOf("surnuméraire")))
          .as("the candidate is listed under the overbooking heading").contains("Dominique Surnumeraire");
      assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Élargir maintenant']")))
          .noneMatch(WebElement::isDisplayed);
      browser.assertAccessible("personne n'a accepté");
      browser.screenshot("demande-sans-reponse");

      // past the request's deadline, its link says so in French on the phone, and leads to the console
      server.clock.set(java.time.OffsetDateTime.parse(sent.bodyAsJsonObject().getString("deadline")).toInstant()
          .plusSeconds(60));
      browser.size(390, 844);
      browser.open(phoneSite() + linkOf(silent));
      browser.heading("Lien expiré");
      browser.text("Cette demande est terminée : son lien n'est plus valable. Merci.");
      assertThat(browser.scrollsSideways()).isFalse();
      browser.assertAccessible("lien expiré");
      browser.click(browser.driver.findElement(By.linkText("Voir mes demandes de rendez-vous dans la console")));
      browser.heading("Connexion");
    } finally {
      server.clock.set(before);
    }
  }
}
