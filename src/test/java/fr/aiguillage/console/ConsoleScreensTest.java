package fr.aiguillage.console;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's screens beyond the call: the SAS platform's slot link, an appointment's messages and the local
 * journal, the coordinators' dashboard. Debian's Chromium against the real service, one browser for the class.
 */
class ConsoleScreensTest extends ApiTest {

  private Browser browser;
  private ConsoleSteps steps;
  private ConsoleScenario world;

  @BeforeAll
  void browserAndPeople() {
    browser = Browser.start();
    steps = new ConsoleSteps(browser);
    world = new ConsoleScenario(server);
    world.account("regulatrice", "OPERATOR");
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
}
