package fr.aiguillage.console;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Browser;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.CuttableProxy;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console in Debian's Chromium, against the real service: one browser and one server for the class. */
class OperatorConsoleTest extends ApiTest {

  /** What the operator answers in the standard case: a simple cystitis. */
  static final Map<String, String> SIMPLE_CYSTITIS = Map.of("flankPain", "Non", "pregnant", "Non",
      "immunocompromised", "Non", "temperatureC", "37", "recurrentEpisodes", "0");

  private Browser browser;
  private ConsoleScenario world;

  @Override
  protected Map<String, String> settings() {
    // A tile server that cannot answer: the map must still show its markers.
    return Map.of("AIGUILLAGE_CONSOLE_TILE_URL", "http://127.0.0.1:9/{z}/{x}/{y}.png");
  }

  @BeforeAll
  void browserAndPeople() {
    browser = Browser.start();
    world = new ConsoleScenario(server);
    world.account("operatrice", "OPERATOR");
    world.account("operateur-voisin", "OPERATOR");
    world.account("pharmacie-comptoir", "ORIENTER");
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
    browser.open(base());
  }

  private String base() {
    return "http://localhost:" + server.port() + "/";
  }

  private void signIn(String login) {
    browser.heading("Connexion");
    browser.type(browser.field("Identifiant"), login);
    browser.type(browser.field("Mot de passe"), ConsoleScenario.PASSWORD_PREFIX + login);
    browser.click(browser.button("Se connecter"));
  }

  private void takeCallFrom(String spokenNumber) {
    browser.click(browser.button("Prendre l'appel du " + spokenNumber));
  }

  private WebElement question(String key) {
    return browser.visible(By.cssSelector("[data-key='" + key + "']"));
  }

  private void answerSimpleCystitis() {
    browser.choose(browser.field("Motif de l'appel"), "Brûlures urinaires");
    for (String key : new String[] {"flankPain", "pregnant", "immunocompromised", "temperatureC", "recurrentEpisodes"}) {
      WebElement q = question(key);
      String answer = SIMPLE_CYSTITIS.get(key);
      if (q.getTagName().equals("fieldset")) {
        browser.click(browser.radio(q.findElement(By.tagName("legend")).getText(), answer));
      } else {
        browser.type(q.findElement(By.tagName("input")), answer);
      }
    }
  }

  private void bookWith(String professionalFamilyName) {
    browser.click(browser.buttonStartingWith("Réserver lundi 23 novembre"));
  }

  @Test
  @DisplayName("an operator signs in (HttpOnly, SameSite=Strict cookie no script can read) and signing out ends the session on the server")
  void operatorSignsInAndOut() {
    browser.assertAccessible("connexion");
    browser.screenshot("connexion");
    signIn("operatrice");
    browser.heading("Appels");
    Cookie cookie = browser.driver.manage().getCookieNamed("aiguillage_session");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat((String) browser.driver.executeScript("return document.cookie")).doesNotContain(cookie.getValue());

    browser.click(browser.button("Se déconnecter"));
    browser.heading("Connexion");
    browser.text("Vous êtes déconnecté.");
    var afterwards = Await.result(io.vertx.ext.web.client.WebClient.create(server.vertx)
        .get(server.port(), "localhost", "/api/v1/me").putHeader("Cookie", "aiguillage_session=" + cookie.getValue())
        .send());
    assertThat(afterwards.statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("a call signed by the telephony provider appears in the queue with its line, number, known patient and waiting time")
  void ringingCallAppearsInTheQueue() throws Exception {
    world.patient("Appelante", "06 11 22 33 10");
    signIn("operatrice");
    browser.heading("Appels");
    browser.text("Aucun appel en attente.");
    world.ringing("queue-1", "06 11 22 33 10");
    WebElement take = browser.button("Prendre l'appel du 06 11 22 33 10");
    WebElement row = take.findElement(By.xpath("ancestor::tr"));
    assertThat(row.getText()).contains("Bassin de Thau").contains("06 11 22 33 10").contains("Zoé Appelante");
    assertThat(row.findElement(By.className("waiting")).getText()).matches("\\d.*");
    browser.assertAccessible("file d'appels");
    browser.screenshot("file-appels");
  }

  @Test
  @DisplayName("during a network cut a banner says the queue is not live; back online, the calls rung meanwhile appear")
  void queueSurvivesANetworkCut() throws Exception {
    world.patient("Coupure", "06 11 22 33 20");
    try (CuttableProxy line = CuttableProxy.start(server.vertx, server.port())) {
      browser.open("http://localhost:" + line.port() + "/");
      signIn("operatrice");
      browser.heading("File d'appels");
      line.cut(true);
      browser.text("Connexion au service perdue : la file d'appels n'est plus à jour. Reconnexion en cours…");
      world.ringing("cut-1", "06 11 22 33 20");
      line.cut(false);
      browser.button("Prendre l'appel du 06 11 22 33 20");
      assertThat(browser.driver.findElement(By.id("banner")).getText()).isEmpty();
    }
  }

  @Test
  @DisplayName("operatorBooksNearestPharmacistForCystitis: from 'take the call' to a booked slot in at most 10 actions, then the call is closed as booked")
  void operatorBooksNearestPharmacistForCystitis() throws Exception {
    world.pharmacist("Standard", "14:00");
    world.patient("Standard", "06 11 22 33 01");
    signIn("operatrice");
    world.ringing("standard-1", "06 11 22 33 01");
    browser.resetActions();
    takeCallFrom("06 11 22 33 01");
    browser.text("Zoé Standard, né(e) le 17 mai 1984");
    answerSimpleCystitis();
    browser.text("Règle : cystite-simple-pharmacien");
    browser.assertAccessible("évaluation");
    browser.screenshot("evaluation", browser.heading("Évaluation"));
    browser.click(browser.button("Voir les créneaux"));
    WebElement book = browser.button("Réserver lundi 23 novembre à 14 h 00 avec Camille Standard");
    browser.assertAccessible("créneaux disponibles");
    browser.screenshot("creneaux", browser.heading("Créneaux disponibles"));
    assertThat(browser.scrollsSideways()).as("horizontal scrolling at 1366 × 768").isFalse();
    browser.click(book);
    browser.heading("Rendez-vous réservé");
    int actions = browser.actions();
    System.out.println("Standard case: " + actions + " actions from 'Prendre l'appel' to the booking");
    assertThat(actions).isLessThanOrEqualTo(10);
    WebElement confirmed = browser.visible(By.cssSelector("section.confirmed"));
    assertThat(confirmed.getText()).contains("lundi 23 novembre à 14 h 00").contains("Camille Standard")
        .contains("1 quai de test").contains("06 12 34 56 78");
    browser.assertAccessible("confirmation");
    browser.screenshot("confirmation");

    browser.click(browser.button("Clore l'appel"));
    browser.heading("File d'appels");
    assertThat(server.count("SELECT count(*) FROM call WHERE provider_call_id = 'standard-1' AND outcome = 'BOOKED'"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a red flag fills the screen with 'Appeler le 15' and its reason, and no booking button exists")
  void chestPainSendsToTheFifteen() throws Exception {
    world.patient("Vitale", "06 11 22 33 02");
    signIn("operatrice");
    world.ringing("vital-1", "06 11 22 33 02");
    takeCallFrom("06 11 22 33 02");
    browser.text("Zoé Vitale");
    WebElement chestPain = browser.field("Douleur thoracique");
    browser.click(chestPain);
    browser.heading("Appeler le 15");
    assertThat(browser.visible(By.className("vital-reason")).getText()).isNotBlank();
    assertThat(browser.hasButton("Réserver")).isFalse();
    assertThat(browser.hasButton("Voir les créneaux")).isFalse();
    browser.assertAccessible("urgence vitale");
    browser.screenshot("urgence-vitale");
  }

  @Test
  @DisplayName("when another operator booked the slot first, 'Réserver' says so and the list is refreshed without it")
  void slotTakenByAnotherOperator() throws Exception {
    ConsoleScenario.Pharmacist taken = world.pharmacist("Devancee", "15:00");
    String patient = world.patient("Devancee", "06 11 22 33 03");
    signIn("operatrice");
    world.ringing("taken-1", "06 11 22 33 03");
    takeCallFrom("06 11 22 33 03");
    answerSimpleCystitis();
    browser.click(browser.button("Voir les créneaux"));
    WebElement book = browser.button("Réserver lundi 23 novembre à 15 h 00 avec Camille Devancee");
    var other = http.post("/api/v1/appointments", server.tokenFor("operatrice-rapide", java.util.List.of("OPERATOR"),
        java.util.List.of(fr.aiguillage.support.Fixtures.THAU), null), BookingScenario.booking(taken.slotId(), patient));
    assertThat(other.statusCode()).as(other.bodyAsString()).isEqualTo(201);
    browser.click(book);
    browser.text("Ce créneau vient d'être pris par quelqu'un d'autre : la liste a été mise à jour.");
    assertThat(browser.driver.findElements(By.xpath("//button[contains(@aria-label, 'Camille Devancee')]"))).isEmpty();
    assertThat(world.appointmentsOn(taken.slotId())).isEqualTo(1);
  }

  @Test
  @DisplayName("a double click on 'Réserver' books once")
  void doubleClickBooksOnce() throws Exception {
    ConsoleScenario.Pharmacist pharmacist = world.pharmacist("Double", "15:30");
    world.patient("Double", "06 11 22 33 04");
    signIn("operatrice");
    world.ringing("double-1", "06 11 22 33 04");
    takeCallFrom("06 11 22 33 04");
    answerSimpleCystitis();
    browser.click(browser.button("Voir les créneaux"));
    browser.doubleClick(browser.button("Réserver lundi 23 novembre à 15 h 30 avec Camille Double"));
    browser.heading("Rendez-vous réservé");
    assertThat(world.appointmentsOn(pharmacist.slotId())).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM appointment a JOIN patient p ON p.id = a.patient_id"
        + " WHERE p.family_name = 'Double'")).isEqualTo(1);
  }

  @Test
  @DisplayName("a new patient's record offers the existing one with the same name and birth date before creating another")
  void duplicatePatientIsOffered() throws Exception {
    world.patient("Doublon", "06 11 22 33 05");
    signIn("operatrice");
    world.ringing("dup-1", "06 11 22 33 99");
    takeCallFrom("06 11 22 33 99");
    browser.click(browser.button("Nouveau patient"));
    browser.heading("Nouveau patient");
    browser.type(browser.field("Nom de famille"), "Doublon");
    browser.type(browser.field("Prénom"), "Zoé");
    browser.type(browser.field("Date de naissance (jj/mm/aaaa)"), "17/05/1984");
    browser.choose(browser.field("Commune"), "Sète (34200)");
    browser.click(browser.button("Créer la fiche"));
    browser.text("Une fiche existe peut-être déjà pour cette personne :");
    browser.assertAccessible("doublon proposé");
    browser.click(browser.button("Utiliser cette fiche"));
    browser.text("Zoé Doublon, né(e) le 17 mai 1984");
    assertThat(server.count("SELECT count(*) FROM patient WHERE family_name = 'Doublon'")).isEqualTo(1);
  }

  @Test
  @DisplayName("the whole standard case works with the keyboard alone, focus visible")
  void keyboardOnly() throws Exception {
    world.pharmacist("Clavier", "16:00");
    world.patient("Clavier", "06 11 22 33 06");
    signIn("operatrice");
    world.ringing("keyboard-1", "06 11 22 33 06");
    browser.tabTo(browser.button("Prendre l'appel du 06 11 22 33 06"));
    browser.keys(Keys.ENTER);
    browser.text("Zoé Clavier");
    browser.tabTo(browser.field("Motif de l'appel"));
    browser.keys("Brûlures");
    for (String key : new String[] {"flankPain", "pregnant", "immunocompromised", "temperatureC", "recurrentEpisodes"}) {
      WebElement q = question(key);
      if (q.getTagName().equals("fieldset")) {
        browser.tabTo(browser.radio(q.findElement(By.tagName("legend")).getText(), "Oui"));
        browser.keys(Keys.ARROW_RIGHT);
      } else {
        browser.tabTo(q.findElement(By.tagName("input")));
        browser.keys(SIMPLE_CYSTITIS.get(key), Keys.TAB);
      }
    }
    WebElement next = browser.button("Voir les créneaux");
    browser.tabTo(next);
    assertThat(next.getCssValue("outline-style")).isEqualTo("solid");
    browser.keys(Keys.ENTER);
    browser.tabTo(browser.button("Réserver lundi 23 novembre à 16 h 00 avec Camille Clavier"));
    browser.keys(Keys.ENTER);
    browser.heading("Rendez-vous réservé");
    browser.tabTo(browser.button("Clore l'appel"));
    browser.keys(Keys.ENTER);
    browser.heading("File d'appels");
    assertThat(server.count("SELECT count(*) FROM call WHERE provider_call_id = 'keyboard-1' AND outcome = 'BOOKED'"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("an orienter on a phone (390 × 844) registers the patient at the counter, books, and signals them as without médecin traitant")
  void orienterAtPhoneSize() {
    world.pharmacist("Comptoir", "16:30");
    browser.size(390, 844);
    signIn("pharmacie-comptoir");
    browser.heading("Orienter un patient");
    assertThat(browser.scrollsSideways()).isFalse();
    browser.assertAccessible("orienter");
    browser.click(browser.button("Nouveau patient"));
    browser.heading("Nouveau patient");
    browser.type(browser.field("Nom de famille"), "Comptoir");
    browser.type(browser.field("Prénom"), "Inès");
    browser.type(browser.field("Date de naissance (jj/mm/aaaa)"), "02/03/1990");
    browser.type(browser.field("Téléphone"), "06 11 22 33 07");
    browser.choose(browser.field("Commune"), "Sète (34200)");
    browser.choose(browser.field("Sexe"), "Femme");
    browser.click(browser.button("Créer la fiche"));
    browser.text("Inès Comptoir, né(e) le 2 mars 1990");
    answerSimpleCystitis();
    browser.click(browser.button("Voir les créneaux"));
    browser.click(browser.button("Réserver lundi 23 novembre à 16 h 30 avec Camille Comptoir"));
    browser.heading("Rendez-vous réservé");
    assertThat(browser.scrollsSideways()).isFalse();
    browser.assertAccessible("orienter, rendez-vous réservé");
    browser.screenshot("orienter-telephone");
    browser.click(browser.button("Signaler un patient sans médecin traitant"));
    browser.text("Inès Comptoir est inscrit(e) sur la liste des patients sans médecin traitant.");
    assertThat(server.count("SELECT count(*) FROM waitlist_request w JOIN patient p ON p.id = w.patient_id"
        + " WHERE p.family_name = 'Comptoir'")).isEqualTo(1);
  }
}
