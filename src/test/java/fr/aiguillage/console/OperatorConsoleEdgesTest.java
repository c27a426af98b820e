package fr.aiguillage.console;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Browser;
import fr.aiguillage.support.CuttableProxy;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console's less travelled paths, in Debian's Chromium against the real service: the first sign-in's
 * password change, the override of an orientation, overbooking candidates, a booking whose answer is lost on the
 * network, and the map without its tiles.
 */
class OperatorConsoleEdgesTest extends ApiTest {

  private Browser browser;
  private ConsoleSteps steps;
  private ConsoleScenario world;

  @Override
  protected Map<String, String> settings() {
    // A tile server that cannot answer: the map must still show its markers.
    return Map.of("AIGUILLAGE_CONSOLE_TILE_URL", "http://127.0.0.1:9/{z}/{x}/{y}.png");
  }

  @BeforeAll
  void browserAndPeople() {
    browser = Browser.start();
    steps = new ConsoleSteps(browser);
    world = new ConsoleScenario(server);
    world.account("operatrice-bord", "OPERATOR");
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
    browser.open("http://localhost:" + server.port() + "/");
  }

  @Test
  @DisplayName("an account a coordinator created is asked for its own password at its first sign-in, then reaches its screen")
  void firstSignInChangesThePassword() {
    JsonObject account = new JsonObject().put("login", "nouvelle-recrue").put("password",
        TestServer.initialPasswordOf("nouvelle-recrue")).put("roles", new JsonArray().add("OPERATOR"))
        .put("territories", new JsonArray().add(Fixtures.THAU));
    var created = http.post("/api/v1/accounts", world.coordinator, account);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);

    steps.signIn("nouvelle-recrue", TestServer.initialPasswordOf("nouvelle-recrue"));
    browser.heading("Choisissez votre mot de passe");
    browser.assertAccessible("changement de mot de passe");
    browser.screenshot("mot-de-passe");
    browser.type(browser.field("Mot de passe actuel"), TestServer.initialPasswordOf("nouvelle-recrue"));
    browser.type(browser.field("Nouveau mot de passe"), "court");
    browser.type(browser.field("Nouveau mot de passe, une seconde fois"), "court");
    browser.driver.executeScript("arguments[0].removeAttribute('minlength')", browser.field("Nouveau mot de passe"));
    browser.click(browser.button("Enregistrer mon mot de passe"));
    browser.text("Nouveau mot de passe : doit compter au moins 12 caractères");

    browser.type(browser.field("Nouveau mot de passe"), "une phrase de passe bien longue");
    browser.type(browser.field("Nouveau mot de passe, une seconde fois"), "une phrase de passe bien longue");
    browser.click(browser.button("Enregistrer mon mot de passe"));
    browser.heading("File d'appels");
    assertThat(server.count("SELECT count(*) FROM account WHERE login = 'nouvelle-recrue' AND NOT must_change_password"))
        .isEqualTo(1);

    browser.click(browser.button("Se déconnecter"));
    steps.signIn("nouvelle-recrue", "une phrase de passe bien longue");
    browser.heading("File d'appels");
  }

  @Test
  @DisplayName("the operator overrides the orientation: the reason is mandatory, it is stored, and the slots follow the new orientation")
  void overrideNeedsItsReason() throws Exception {
    world.pharmacist("Modifiee", "17:00");
    world.patient("Modifiee", "06 11 22 44 01");
    steps.signIn("operatrice-bord");
    world.ringing("override-1", "06 11 22 44 01");
    steps.takeCallFrom("06 11 22 44 01");
    steps.answerSimpleCystitis();
    browser.click(browser.button("Modifier l'orientation"));
    WebElement reason = browser.field("Motif de la modification (obligatoire)");
    browser.assertAccessible("modification de l'orientation");
    browser.screenshot("modification-orientation", browser.heading("Orientation"));
    browser.choose(browser.field("Urgence retenue"), "Sous 48 heures");
    browser.click(browser.button("Enregistrer la modification"));
    assertThat((Boolean) browser.driver.executeScript("return arguments[0].validity.valueMissing", reason)).isTrue();
    assertThat(server.count("SELECT count(*) FROM triage_assessment WHERE override_reason IS NOT NULL")).isZero();

    browser.type(reason, "Patiente très inquiète, préfère voir le pharmacien demain");
    browser.click(browser.button("Enregistrer la modification"));
    browser.heading("Créneaux disponibles");
    browser.buttonStartingWith("Réserver lundi 23 novembre à 17 h 00 avec Camille Modifiee");
    assertThat(server.count("SELECT count(*) FROM triage_assessment WHERE override_urgency = 'WITHIN_48H'"
        + " AND override_reason = 'Patiente très inquiète, préfère voir le pharmacien demain'")).isEqualTo(1);
  }

  @Test
  @DisplayName("with no free slot for the orientation, the professionals who accept an extra patient are listed with their phone and shown on the map")
  void overbookingCandidatesWhenNothingIsFree() throws Exception {
    world.overbookingPhysiotherapist("Surnumeraire", "06 44 55 66 77");
    world.patient("Entorse", "06 11 22 44 02");
    steps.signIn("operatrice-bord");
    world.ringing("overbooking-1", "06 11 22 44 02");
    steps.takeCallFrom("06 11 22 44 02");
    steps.answerSimpleCystitis();
    browser.click(browser.button("Modifier l'orientation"));
    browser.choose(browser.field("Professionnel"), "kinésithérapeute");
    browser.type(browser.field("Motif de la modification (obligatoire)"), "Douleur de cheville, pas urinaire");
    browser.click(browser.button("Enregistrer la modification"));
    browser.text("Aucun créneau libre dans le délai pour cette orientation.");
    browser.heading("Professionnels acceptant un patient en surnuméraire");
    WebElement candidate = browser.text("Alix Surnumeraire");
    assertThat(candidate.getText()).contains("Tél. 06 44 55 66 77").contains("1 quai de test");
    browser.visible(By.cssSelector(".map path.leaflet-interactive"));
    browser.assertAccessible("surnuméraires");
    browser.screenshot("surnumeraires", browser.heading("Créneaux disponibles"));
  }

  @Test
  @DisplayName("the map still shows one marker per slot when its tile server cannot be reached")
  void mapMarkersWithoutTiles() throws Exception {
    world.pharmacist("Carte", "17:15");
    world.patient("Carte", "06 11 22 44 03");
    steps.signIn("operatrice-bord");
    world.ringing("map-1", "06 11 22 44 03");
    steps.takeCallFrom("06 11 22 44 03");
    steps.answerSimpleCystitis();
    browser.click(browser.button("Voir les créneaux"));
    browser.buttonStartingWith("Réserver lundi 23 novembre à 17 h 15 avec Camille Carte");
    int slots = browser.driver.findElements(By.cssSelector("ol.slots > li")).size();
    browser.visible(By.cssSelector(".map path.leaflet-interactive"));
    assertThat(browser.driver.findElements(By.cssSelector(".map path.leaflet-interactive"))).hasSize(slots);
    assertThat(browser.driver.findElements(By.cssSelector(".map img.leaflet-tile-loaded"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector(".map img.leaflet-tile"))).isNotEmpty();
  }

  @Test
  @DisplayName("a booking whose answer is lost on the network is retried by the operator and books once")
  void retryAfterALostAnswerBooksOnce() throws Exception {
    ConsoleScenario.Pharmacist pharmacist = world.pharmacist("Reseau", "17:30");
    world.patient("Reseau", "06 11 22 44 04");
    try (CuttableProxy line = CuttableProxy.start(server.vertx, server.port())) {
      browser.open("http://localhost:" + line.port() + "/");
      steps.signIn("operatrice-bord");
      world.ringing("retry-1", "06 11 22 44 04");
      steps.takeCallFrom("06 11 22 44 04");
      steps.answerSimpleCystitis();
      browser.click(browser.button("Voir les créneaux"));
      line.loseAnswersTo("POST /api/v1/appointments ");
      browser.click(browser.button("Réserver lundi 23 novembre à 17 h 30 avec Camille Reseau"));
      browser.text("Le service ne répond pas : vérifiez la connexion puis réessayez.");
      assertThat(line.lostAnswers()).isPositive();
      assertThat(world.appointmentsOn(pharmacist.slotId())).as("the service booked; only its answer was lost")
          .isEqualTo(1);

      line.loseAnswersTo(null);
      browser.click(browser.button("Réserver lundi 23 novembre à 17 h 30 avec Camille Reseau"));
      browser.heading("Rendez-vous réservé");
      assertThat(world.appointmentsOn(pharmacist.slotId())).isEqualTo(1);
      assertThat(server.count("SELECT count(*) FROM appointment a JOIN patient p ON p.id = a.patient_id"
          + " WHERE p.family_name = 'Reseau'")).isEqualTo(1);
    }
  }
}
