package fr.aiguillage.console;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duty rota's screens in Debian's Chromium against the real service (clock: Monday 23 November 2026, 10:00
 * Paris): the coordinator's month, home gaps and set-up; a GP's answer for next month; a duty given away and taken.
 */
class RotaConsoleTest extends ApiTest {

  private static final String COORDINATOR = "coordination-equipe";

  private Browser browser;
  private ConsoleSteps steps;
  private RotaScenario rota;
  private String durand;
  private String bernard;
  private String chevalier;
  private String etienne;
  private String fabre;
  private String todaysDuty;
  private String garnier;

  @BeforeAll
  void browserAndRota() {
    browser = Browser.start();
    steps = new ConsoleSteps(browser);
    rota = new RotaScenario(server);
    rota.bands();
    String arnaud = rota.gp("Arnaud", "docteur-arnaud");
    bernard = rota.gp("Bernard", "docteur-bernard");
    chevalier = rota.gp("Chevalier", "docteur-chevalier");
    durand = rota.gp("Durand", null);
    etienne = rota.gp("Etienne", null);
    rota.open("2026-11", "2026-11-01T00:00:00+01:00");
    rota.proposeAndPublish("2026-11");
    fabre = rota.gp("Fabre", null);
    todaysDuty = rota.hold("2026-11", "Midi", "2026-11-23", fabre);
    garnier = rota.gp("Garnier", "docteur-garnier");
    rota.hold("2026-11", "Midi", "2026-11-26", garnier);
    rota.open("2026-12", "2026-11-30T23:59:00+01:00");
    rota.open("2027-01", "2026-12-15T23:59:00+01:00");
    rota.volunteer("2027-01", arnaud, 2);
    rota.volunteer("2027-01", chevalier, 1);
    rota.proposeAndPublish("2027-01");
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

  private void go(String screen) {
    browser.click(browser.visible(By.linkText(screen)));
    browser.heading(screen);
  }

  @Test
  @DisplayName("a coordinator opens February, proposes it, gives a gap to a GP with a reason, publishes it and reads the change in its history")
  void coordinatorProposesEditsAndPublishes() {
    steps.signIn(COORDINATOR);
    go("Tour de garde");
    browser.choose(browser.field("Mois"), "février 2027");
    browser.type(browser.field("Date limite des réponses (jj/mm/aaaa)"), "31/01/2027");
    browser.click(browser.button("Ouvrir le mois au volontariat"));
    browser.heading("février 2027 : ouvert au volontariat");
    rota.volunteer("2027-02", durand, 10);
    rota.volunteer("2027-02", etienne, 10);
    browser.click(browser.button("Calculer la proposition"));
    browser.text("Proposition calculée : 20 place(s) pourvue(s) sur 24, 4 non pourvue(s)");
    browser.heading("février 2027 : proposé, non publié");
    WebElement grid = browser.visible(By.cssSelector("table.rota-grid"));
    assertThat(grid.findElements(By.cssSelector("th[scope='col']"))).extracting(WebElement::getText)
        .containsExactly("Midi (12 h 00 – 14 h 00)", "Samedi matin (9 h 00 – 12 h 00)");
    assertThat(grid.findElements(By.cssSelector("button.seat.gap"))).hasSize(4);
    assertThat(grid.getText()).contains("Dominique Durand").containsAnyOf("le moins chargé", "seul disponible");

    WebElement gap = grid.findElement(By.cssSelector("button.seat.gap"));
    String place = gap.getAttribute("data-place");
    browser.click(gap);
    assertThat(browser.driver.switchTo().activeElement().getText()).startsWith("Modifier : ");
    browser.choose(browser.field("Professionnel de garde"), "Dominique Durand");
    browser.type(browser.field("Motif du changement"), "Renfort demandé par la coordination");
    browser.assertAccessible("tour de garde, modification d'une place");
    browser.click(browser.button("Enregistrer le changement"));
    browser.text("Place modifiée : ");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("data-place")).isEqualTo(place);
    assertThat(server.count("SELECT count(*) FROM rota_assignment WHERE place_id = '" + place + "' AND professional_id = '"
        + durand + "' AND reason = 'MANUAL'")).isEqualTo(1);
    browser.screenshot("rota-grille", browser.heading("Grille du mois"));

    browser.click(browser.button("Publier le mois"));
    browser.heading("février 2027 : publié");
    browser.click(browser.button("Voir l'historique"));
    WebElement change = browser.visible(By.xpath("//table[contains(@class,'rota-history')]//tr[td[normalize-space()="
        + "'Renfort demandé par la coordination']]"));
    assertThat(change.getText()).contains("Affectation à la main").contains("Dominique Durand").contains(COORDINATOR);
    assertThat(browser.visible(By.xpath("//a[normalize-space()='Page A4 imprimable']")).getAttribute("href"))
        .endsWith("/api/v1/rota/bassin-de-thau/months/2027-02/print");
    assertThat(browser.visible(By.xpath("//a[normalize-space()='Exporter en CSV']")).getAttribute("href"))
        .endsWith("/months/2027-02/export.csv");
    browser.assertAccessible("tour de garde, historique");
  }

  @Test
  @DisplayName("the coordinator's home screen starts with the duty gaps of the next 72 hours")
  void homeShowsTheGapsOfTheNext72Hours() {
    steps.signIn(COORDINATOR);
    WebElement gaps = browser.heading("Gardes non pourvues dans les 72 heures");
    browser.text("✕ mardi 24 novembre, Midi (12 h 00 – 14 h 00)");
    browser.text("✕ mercredi 25 novembre, Midi (12 h 00 – 14 h 00)");
    WebElement first = browser.driver.findElement(By.cssSelector("main h2"));
    assertThat(first).isEqualTo(gaps);
    assertThat(gaps.findElement(By.xpath("..")).getText()).doesNotContain("lundi 23 novembre");
    browser.assertAccessible("accueil du coordinateur avec les gardes non pourvues");
    browser.screenshot("rota-trous-72h");
  }

  @Test
  @DisplayName("the coordinator adds a sector and a holiday band from the set-up screen")
  void coordinatorAddsASectorAndABand() {
    steps.signIn(COORDINATOR);
    go("Secteurs et plages de garde");
    browser.type(browser.field("Nom du secteur"), "Frontignan");
    browser.click(browser.button("Ajouter le secteur"));
    browser.text("Secteur « Frontignan » ajouté.");
    browser.type(browser.field("Nom de la plage"), "Férié Frontignan");
    browser.choose(browser.field("Secteur"), "Frontignan");
    browser.click(browser.field("Jours fériés seulement"));
    browser.type(browser.field("Début (hh:mm)"), "10:00");
    browser.type(browser.field("Fin (hh:mm)"), "12:00");
    browser.assertAccessible("secteurs et plages de garde");
    browser.click(browser.button("Ajouter la plage"));
    browser.text("Plage « Férié Frontignan » ajoutée.");
    WebElement row = browser.visible(By.xpath("//tr[th[normalize-space()='Férié Frontignan']]"));
    assertThat(row.getText()).contains("Frontignan").contains("jours fériés").contains("10 h 00 – 12 h 00");
    assertThat(server.count("SELECT count(*) FROM rota_band WHERE label = 'Férié Frontignan' AND holidays")).isEqualTo(1);
  }

  @Test
  @DisplayName("on a phone, a GP offers three duties for December, marks Tuesday 1st impossible and a Saturday preferred, and finds the answer again")
  void gpAnswersForNextMonthOnAPhone() {
    browser.size(390, 844);
    steps.signIn("docteur-bernard");
    go("Mes gardes");
    browser.heading("Mes disponibilités pour décembre 2026");
    browser.type(browser.field("Nombre de gardes que vous proposez"), "3");
    browser.choose(browser.field("mardi 1 décembre, Midi (12 h 00 – 14 h 00)"), "Impossible");
    browser.choose(browser.field("samedi 5 décembre, Samedi matin (9 h 00 – 12 h 00)"), "Préférée");
    browser.assertAccessible("mes gardes, réponse du mois prochain");
    browser.click(browser.button("Enregistrer ma réponse"));
    browser.text("Réponse enregistrée pour décembre 2026 : 3 garde(s) proposée(s), 1 impossible(s), 1 préférée(s).");
    assertThat(browser.scrollsSideways()).isFalse();
    assertThat(server.count("SELECT count(*) FROM rota_availability WHERE professional_id = '" + bernard
        + "' AND offered = 3 AND impossible @> '[{\"day\": \"2026-12-01\"}]' AND jsonb_array_length(preferred) = 1"))
        .isEqualTo(1);
    browser.screenshot("rota-mes-gardes-telephone");
    go("Mon agenda");
    go("Mes gardes");
    browser.text("Le formulaire montre votre dernière réponse ; la nouvelle la remplacera.");
    assertThat(browser.field("Nombre de gardes que vous proposez").getAttribute("value")).isEqualTo("3");
    assertThat(browser.field("mardi 1 décembre, Midi (12 h 00 – 14 h 00)").getAttribute("value")).isEqualTo("impossible");
    assertThat(browser.field("samedi 5 décembre, Samedi matin (9 h 00 – 12 h 00)").getAttribute("value"))
        .isEqualTo("preferred");
  }

  @Test
  @DisplayName("a GP gives a January duty away with a reason, and another volunteer of the sector takes it")
  void gpGivesADutyAwayAndAnotherTakesIt() {
    steps.signIn("docteur-arnaud");
    go("Mes gardes");
    WebElement give = browser.buttonStartingWith("Céder la garde du ");
    String duty = give.getAttribute("aria-label").substring("Céder la garde du ".length());
    browser.click(give);
    browser.type(browser.field("Motif de la cession"), "Congrès à Lyon");
    browser.click(browser.button("Confirmer la cession"));
    browser.text("Garde du " + duty + " cédée : les autres volontaires du secteur peuvent la prendre.");
    browser.text("Cédée : vous la tenez tant qu’un confrère ne l’a pas prise.");
    browser.assertAccessible("mes gardes, garde cédée");
    browser.click(browser.button("Se déconnecter"));

    steps.signIn("docteur-chevalier");
    go("Mes gardes");
    browser.click(browser.button("Prendre la garde du " + duty));
    browser.text("Vous tenez maintenant la garde du " + duty + ".");
    assertThat(server.count("SELECT count(*) FROM rota_assignment WHERE professional_id = '" + chevalier + "'"))
        .isEqualTo(2);
    assertThat(server.count("SELECT count(*) FROM rota_history WHERE action = 'GIVEN_AWAY' AND why = 'Congrès à Lyon'"))
        .isEqualTo(1);
    browser.assertAccessible("mes gardes, gardes cédées par des confrères");
  }

  @Test
  @DisplayName("an operator books a patient with a pyelonephritis on today's noon duty at a time they pick; clearing that duty then lists the appointment to rebook")
  void operatorBooksOnADuty() throws Exception {
    ConsoleScenario calls = new ConsoleScenario(server);
    calls.account("operatrice-garde", "OPERATOR");
    calls.patient("Fievreuse", "06 11 22 33 44");
    steps.signIn("operatrice-garde");
    browser.heading("Appels");
    calls.ringing("garde-1", "06 11 22 33 44");
    steps.takeCallFrom("06 11 22 33 44");
    browser.text("Zoé Fievreuse");
    browser.choose(browser.field("Motif de l'appel"), "Brûlures urinaires");
    browser.type(browser.visible(By.cssSelector("[data-key='temperatureC'] input")), "38");
    browser.text("Règle : pyelonephrite-fievre");
    browser.click(browser.button("Voir les créneaux"));
    WebElement duty = browser.visible(By.cssSelector("article.duty-hit"));
    assertThat(duty.getText()).contains("Garde").contains("Midi, lundi 23 novembre de 12 h 00 à 14 h 00")
        .contains("4 place(s) restante(s) sur 4").contains("Dominique Fabre");
    browser.choose(browser.field("Heure dans la garde"), "12 h 30");
    browser.assertAccessible("créneaux avec une garde");
    browser.screenshot("rota-garde-operateur", browser.heading("Créneaux disponibles"));
    browser.click(browser.button("Réserver sur la garde de Dominique Fabre, lundi 23 novembre à 12 h 30"));
    browser.heading("Rendez-vous réservé");
    assertThat(browser.visible(By.cssSelector("section.confirmed")).getText()).contains("lundi 23 novembre à 12 h 30")
        .contains("Dominique Fabre");
    assertThat(server.count("SELECT count(*) FROM appointment a JOIN slot s ON s.id = a.slot_id WHERE a.status = 'booked'"
        + " AND s.professional_id = '" + fabre + "' AND s.start_at = '2026-11-23T12:30:00+01:00'")).isEqualTo(1);
    assertThat(server.count("SELECT booked FROM rota_assignment WHERE place_id = '" + todaysDuty + "'")).isEqualTo(1);

    browser.click(browser.button("Se déconnecter"));
    steps.signIn(COORDINATOR);
    go("Tour de garde");
    browser.choose(browser.field("Mois"), "novembre 2026");
    browser.click(browser.buttonStartingWith("lundi 23 novembre, Midi (12 h 00 – 14 h 00), place 1 : Dominique Fabre"));
    browser.choose(browser.field("Professionnel de garde"), "— Personne (place non pourvue) —");
    browser.type(browser.field("Motif du changement"), "Malade");
    browser.click(browser.button("Enregistrer le changement"));
    browser.text("Rendez-vous à replacer avant de libérer la place :");
    browser.visible(By.linkText("Rendez-vous du lundi 23 novembre à 12 h 30"));
    assertThat(server.count("SELECT count(*) FROM rota_assignment WHERE place_id = '" + todaysDuty + "' AND professional_id = '"
        + fabre + "'")).isEqualTo(1);
  }

  @Test
  @DisplayName("an absence declared over a duty shows that duty before it is confirmed, then is saved over it")
  void absenceOverADutyShowsTheDuty() {
    steps.signIn("docteur-garnier");
    browser.heading("Mon agenda");
    browser.type(browser.field("Premier jour d'absence (jj/mm/aaaa)"), "26/11/2026");
    browser.type(browser.field("Dernier jour d'absence (jj/mm/aaaa)"), "26/11/2026");
    browser.click(browser.button("Vérifier les rendez-vous touchés"));
    browser.text("Vous êtes de garde pendant cette absence (1)");
    browser.text("Garde Midi : jeudi 26 novembre à 12 h 00 – 14 h 00 — 0 patient(s)");
    assertThat(server.count("SELECT count(*) FROM absence WHERE professional_id = '" + garnier + "'")).isZero();
    browser.assertAccessible("absence au-dessus d'une garde");
    browser.click(browser.button("Confirmer l'absence"));
    browser.text("1 garde(s) restent à vous : cédez-les ou voyez la coordination.");
    assertThat(server.count("SELECT count(*) FROM absence WHERE professional_id = '" + garnier + "'")).isEqualTo(1);
  }
}
