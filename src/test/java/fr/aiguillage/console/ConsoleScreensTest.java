package fr.aiguillage.console;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Browser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's screens beyond the call: the SAS platform's slot link, an appointment's messages and the local
 * journal, the coordinators' dashboard. Debian's Chromium against the real service, one browser for the class.
 */
class ConsoleScreensTest extends ApiTest {

  private Browser browser;
  private ConsoleSteps steps;
  private ConsoleScenario world;
  private String operator;

  @BeforeAll
  void browserAndPeople() {
    browser = Browser.start();
    steps = new ConsoleSteps(browser);
    world = new ConsoleScenario(server);
    operator = world.account("regulatrice", "OPERATOR");
    world.account("coordinatrice", "COORDINATOR");
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void freshPage() {
    browser.size(1366, 768);
  }

  private String base() {
    return "http://localhost:" + server.port() + "/";
  }

  @Test
  @DisplayName("a regulator not signed in follows the SAS slot link, signs in, comes back to that slot and books it; the origin is recorded")
  void sasSlotLinkAfterSignIn() {
    ConsoleScenario.Pharmacist pharmacist = world.pharmacist("Regulee", "18:00");
    world.patient("Regulee", "06 11 22 55 01");
    browser.open(base() + "sas/creneaux/" + pharmacist.slotId() + "?origin=sas-34-regulation");
    steps.signIn("regulatrice");
    browser.heading("Créneau proposé au SAS");
    browser.text("lundi 23 novembre à 18 h 00");
    browser.text("la plateforme SAS (sas-34-regulation)");
    browser.assertAccessible("créneau SAS");
    browser.screenshot("creneau-sas");
    browser.type(browser.field("Nom de famille"), "Regulee");
    browser.click(browser.button("Rechercher"));
    browser.click(browser.button("Choisir Zoé Regulee"));
    browser.type(browser.field("Motif de la consultation"), "Fièvre et toux depuis 3 jours");
    browser.click(browser.button("Réserver ce créneau"));
    browser.heading("Rendez-vous réservé");
    assertThat(server.count("SELECT count(*) FROM appointment WHERE slot_id = '" + pharmacist.slotId()
        + "' AND status = 'booked' AND origin = 'sas-34-regulation'")).isEqualTo(1);
  }

  @Test
  @DisplayName("an appointment shows the messages sent about it, and moving it to another free slot books the new one and shows its 'moved' message")
  void appointmentMessagesAndMove() {
    ConsoleScenario.Pharmacist pharmacist = world.pharmacist("Messagee", "18:30");
    String later = world.slot(pharmacist, "18:45");
    String patient = world.patient("Messagee", "06 11 22 55 02");
    String appointment = world.bookedWithSms(operator, pharmacist.slotId(), patient);
    browser.open(base() + "#/rendez-vous/" + appointment);
    steps.signIn("regulatrice");
    browser.heading("Rendez-vous du lundi 23 novembre à 18 h 30");
    WebElement confirmation = browser.visible(By.xpath("//table[contains(@class, 'messages')]//tr[td[1]='Confirmation']"));
    assertThat(confirmation.getText()).contains("SMS").contains("06 11 22 55 02").contains("envoyé");
    browser.assertAccessible("rendez-vous et ses messages");
    browser.screenshot("rendez-vous-messages");

    browser.click(browser.button("Déplacer au lundi 23 novembre à 18 h 45"));
    browser.heading("Rendez-vous du lundi 23 novembre à 18 h 45");
    browser.visible(By.xpath("//table[contains(@class, 'messages')]//tr[td[1]='Déplacement']"));
    assertThat(server.count("SELECT count(*) FROM appointment WHERE slot_id = '" + later + "' AND status = 'booked'"
        + " AND moved_from = '" + appointment + "'")).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM slot WHERE id = '" + pharmacist.slotId() + "' AND status = 'free'"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("the local journal shows, to the secretariat, the messages that would have been sent")
  void localJournal() {
    ConsoleScenario.Pharmacist pharmacist = world.pharmacist("Journal", "19:00");
    String patient = world.patient("Journal", "06 11 22 55 03");
    world.bookedWithSms(operator, pharmacist.slotId(), patient);
    browser.open(base());
    steps.signIn("coordinatrice");
    browser.click(browser.visible(By.linkText("Journal des messages")));
    browser.heading("Journal des messages");
    WebElement sms = browser.visible(By.xpath("//article[contains(@aria-label, 'SMS à 06 11 22 55 03')]"));
    assertThat(sms.getText()).contains("23/11 19h00").contains("Camille Journal").contains("/annulation/");
    browser.assertAccessible("journal des messages");
    browser.screenshot("journal");
  }

  @Test
  @DisplayName("the coordinator's dashboard shows the API's figures for the chosen period, as charts and tables, with the CSV download")
  void dashboardMatchesTheApi() throws Exception {
    world.pharmacist("Tableau", "19:15");
    world.ringing("dashboard-1", "06 11 22 55 04");
    browser.open(base());
    steps.signIn("coordinatrice");
    browser.click(browser.visible(By.linkText("Tableau de bord")));
    browser.heading("Tableau de bord");
    assertFiguresMatch("2026-11-01", "2026-11-23", "day");
    assertThat(browser.driver.findElements(By.cssSelector("figure.chart svg rect"))).isNotEmpty();
    browser.assertAccessible("tableau de bord");
    browser.screenshot("tableau-de-bord");

    browser.type(browser.field("Du (jj/mm/aaaa)"), "16/11/2026");
    browser.choose(browser.field("Détail"), "Par semaine");
    browser.click(browser.button("Afficher"));
    assertFiguresMatch("2026-11-16", "2026-11-23", "week");

    String csv = browser.driver.findElement(By.linkText("Télécharger les chiffres (CSV)")).getAttribute("href");
    assertThat(csv).endsWith("/api/v1/indicators.csv?from=2026-11-16&to=2026-11-23&granularity=week");
    var download = Await.result(WebClient.create(server.vertx).getAbs(csv).putHeader("Cookie", "aiguillage_session="
        + browser.driver.manage().getCookieNamed("aiguillage_session").getValue()).send());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.bodyAsString()).startsWith("\uFEFF");
  }

  /** Every count shown equals the API's total for the same period; the calls and slots of the day are counted. */
  private void assertFiguresMatch(String from, String to, String granularity) {
    var response = http.get("/api/v1/indicators?from=" + from + "&to=" + to + "&granularity=" + granularity,
        world.coordinator);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject total = response.bodyAsJsonObject().getJsonObject("total");
    browser.visible(By.cssSelector("[data-shown='?from=" + from + "&to=" + to + "&granularity=" + granularity + "']"));
    int compared = 0;
    for (WebElement cell : browser.driver.findElements(By.cssSelector("[data-figure]"))) {
      String[] code = cell.getAttribute("data-figure").split("\\.");
      Object value = total.getJsonObject(code[0]).getValue(code[1]);
      if (value instanceof Integer || value instanceof Long) {
        assertThat(cell.getText()).as(code[0] + "." + code[1]).isEqualTo(String.valueOf(value));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(15);
    assertThat(total.getJsonObject("calls").getInteger("received")).isPositive();
    assertThat(total.getJsonObject("agenda").getInteger("published")).isPositive();
  }
}
