package fr.aiguillage.console;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Browser;
import fr.aiguillage.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A GP's screens in Debian's Chromium against the real service (clock: Monday 23 November 2026, 10:00 Paris). */
class ProfessionalConsoleTest extends ApiTest {

  private Browser browser;
  private TeamScenario world;
  private JsonObject gp;

  @BeforeAll
  void browserAndPeople() {
    browser = Browser.start();
    world = new TeamScenario(server);
    gp = world.gpInMeze("Généraliste");
    world.accountFor("docteur-meze", gp);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void freshPage() {
    browser.size(1366, 900);
    browser.open("http://localhost:" + server.port() + "/");
  }

  private void signInAsGp(String screen) {
    browser.heading("Connexion");
    browser.type(browser.field("Identifiant"), "docteur-meze");
    browser.type(browser.field("Mot de passe"), TestServer.passwordOf("docteur-meze"));
    browser.click(browser.button("Se connecter"));
    browser.heading("Mon agenda");
    if (!screen.equals("Mon agenda")) {
      browser.click(browser.driver.findElement(By.linkText(screen)));
      browser.heading(screen);
    }
  }

  private WebElement day(String label) {
    return browser.visible(By.xpath("//section[contains(@class,'day')][h3[normalize-space()='" + label + "']]"));
  }

  @Test
  @DisplayName("a GP publishes 'every Tuesday 14:00–16:00, 20-minute SNP slots, in Mèze' from the form and sees the slots in the week")
  void gpCreatesWeeklyRuleAndSeesSlots() {
    signInAsGp("Mon agenda");
    browser.heading("Semaine du lundi 23 novembre");
    browser.click(browser.driver.findElement(By.xpath("//label[normalize-space()='mardi']")));
    browser.type(browser.field("Début (hh:mm)"), "14:00");
    browser.type(browser.field("Fin (hh:mm)"), "16:00");
    browser.choose(browser.field("Type de créneau"), "Soins non programmés (SNP)");
    browser.type(browser.field("À partir du (jj/mm/aaaa)"), "24/11/2026");
    browser.text("Chaque mardi de 14 h 00 à 16 h 00, créneaux « SNP » de 20 minutes, à Cabinet de Mèze (Mèze), à partir du mardi 24 novembre.");
    browser.assertAccessible("mon agenda");
    browser.click(browser.button("Publier ces disponibilités"));
    browser.text("Disponibilités publiées : 24 créneau(x) créé(s).");
    WebElement tuesday = day("mardi 24 novembre");
    browser.visible(By.xpath("//section[h3[normalize-space()='mardi 24 novembre']]//li[contains(., '15 h 40 – 16 h 00')]"));
    assertThat(tuesday.findElements(By.cssSelector("li.slot.kind-SNP.status-free"))).hasSize(6);
    assertThat(tuesday.getText()).contains("⚡ SNP").contains("Libre");
    assertThat(server.count("SELECT count(*) FROM availability_rule WHERE rrule = 'FREQ=WEEKLY;BYDAY=TU'")).isEqualTo(1);
    browser.screenshot("pro-agenda-semaine", browser.heading("Semaine du lundi 23 novembre"));
  }

  @Test
  @DisplayName("an absence over a booked appointment shows that appointment, with its reason, before it is confirmed")
  void absenceConflictIsShownBeforeConfirming() {
    world.booked(gp, "2026-11-25T10:00:00+01:00", "2026-11-25T10:20:00+01:00", "Absente", "Angine depuis hier");
    signInAsGp("Mon agenda");
    browser.visible(By.xpath("//section[h3[normalize-space()='mercredi 25 novembre']]//li[contains(., 'Motif : Angine depuis hier')]"));
    browser.type(browser.field("Premier jour d'absence (jj/mm/aaaa)"), "25/11/2026");
    browser.type(browser.field("Dernier jour d'absence (jj/mm/aaaa)"), "25/11/2026");
    browser.click(browser.button("Vérifier les rendez-vous touchés"));
    browser.text("1 rendez-vous réservé(s) pendant cette absence.");
    browser.text("mercredi 25 novembre à 10 h 00 — SNP — motif : Angine depuis hier");
    assertThat(server.count("SELECT count(*) FROM absence")).isZero();
    browser.assertAccessible("absence, avant confirmation");
    browser.screenshot("pro-absence-conflit", browser.heading("Déclarer une absence"));
    browser.click(browser.button("Confirmer l'absence"));
    browser.text("1 rendez-vous réservé(s) restent à traiter avec la coordination.");
    assertThat(server.count("SELECT count(*) FROM absence")).isEqualTo(1);
  }

  @Test
  @DisplayName("the GP copies the feed's address, renews it, and the old address then answers 404")
  void feedUrlIsCopiedAndRotated() throws Exception {
    signInAsGp("Mon calendrier");
    browser.assertAccessible("mon calendrier");
    browser.click(browser.button("Créer ou renouveler l'adresse"));
    WebElement url = browser.field("Adresse à copier dans votre agenda");
    browser.text("Nouvelle adresse créée");
    String first = url.getAttribute("value");
    assertThat(first).contains("/ical/").endsWith(".ics");
    assertThat(feed(first)).isEqualTo(200);
    browser.click(browser.button("Copier l'adresse"));
    browser.text("Adresse copiée : collez-la dans votre agenda (abonnement par URL).");
    browser.screenshot("pro-calendrier");
    browser.click(browser.button("Créer ou renouveler l'adresse"));
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> !first.equals(url.getAttribute("value")));
    String second = url.getAttribute("value");
    assertThat(feed(first)).isEqualTo(404);
    assertThat(feed(second)).isEqualTo(200);
  }

  private int feed(String address) {
    return server.http.get(URI.create(address).getPath(), null).statusCode();
  }

  @Test
  @DisplayName("the GP reads a waiting-list proposal (priority reasons, commune, distance) and accepts it")
  void gpAcceptsWaitingListProposal() {
    String proposal = world.proposedTo(gp, "Proposée");
    signInAsGp("Propositions de patients");
    browser.heading("Zoé Proposée, 78 ans");
    browser.text("Affection de longue durée (ALD)");
    browser.text("70 ans ou plus");
    assertThat(browser.text("de votre cabinet").getText()).startsWith("Sète — à ").contains(" km");
    browser.assertAccessible("propositions");
    browser.screenshot("pro-propositions");
    browser.click(browser.button("Accepter Zoé Proposée"));
    browser.text("Vous avez accepté : la coordination recueille maintenant l'accord du patient.");
    assertThat(server.count("SELECT count(*) FROM mt_proposal WHERE id = '" + proposal + "' AND gp_answer = 'ACCEPTED'"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("on a phone the agenda shows one day, moves day by day, and nothing scrolls sideways")
  void agendaAtPhoneSize() {
    world.booked(gp, "2026-11-24T08:00:00+01:00", "2026-11-24T08:20:00+01:00", "Telephone", "Lombalgie");
    browser.size(390, 844);
    signInAsGp("Mon agenda");
    browser.heading("lundi 23 novembre");
    browser.click(browser.button("Jour suivant"));
    browser.heading("mardi 24 novembre");
    browser.text("Motif : Lombalgie");
    assertThat(browser.driver.findElements(By.cssSelector("section.day"))).hasSize(1);
    assertThat(browser.scrollsSideways()).isFalse();
    browser.assertAccessible("mon agenda sur téléphone");
    browser.screenshot("pro-agenda-telephone");
  }

  @Test
  @DisplayName("once its time has passed, the GP records that a patient was seen")
  void gpRecordsAnOutcome() {
    world.booked(gp, "2026-11-23T11:00:00+01:00", "2026-11-23T11:20:00+01:00", "Venue", "Otite");
    server.clock.set(server.clock.instant().plus(Duration.ofHours(2)));
    try {
      signInAsGp("Mes rendez-vous");
      browser.assertAccessible("mes rendez-vous");
      browser.screenshot("pro-rendez-vous");
      browser.click(browser.button("Vu : lundi 23 novembre à 11 h 00"));
      browser.visible(By.xpath("//tr[td[normalize-space()='Otite']]/td[normalize-space()='Vu']"));
      assertThat(server.count("SELECT count(*) FROM appointment WHERE reason = 'Otite' AND status = 'honoured'")).isEqualTo(1);
    } finally {
      server.clock.set(server.clock.instant().minus(Duration.ofHours(2)));
    }
  }
}
