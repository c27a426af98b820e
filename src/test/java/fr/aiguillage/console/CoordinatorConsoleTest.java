package fr.aiguillage.console;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Browser;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The coordinator's screens, and each role's menu, in Debian's Chromium (clock: Monday 23 November 2026, 10:00). */
class CoordinatorConsoleTest extends ApiTest {

  private Browser browser;
  private TeamScenario world;
  private JsonObject gp;

  @BeforeAll
  void browserAndPeople() {
    browser = Browser.start();
    world = new TeamScenario(server);
    world.account("coordinatrice", "COORDINATOR");
    world.account("operatrice-menu", "OPERATOR");
    world.account("pharmacie-menu", "ORIENTER");
    gp = world.gpInMeze("Médecin");
    world.accountFor("docteur-menu", gp);
    JsonObject seteGp = world.booking.professional(Fixtures.aGpInSete().put("familyName", "Couvreur")
        .put("givenName", "Sacha"));
    world.booking.slot(seteGp, "2026-11-24T09:00:00+01:00", "2026-11-24T09:20:00+01:00");
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

  private void signIn(String login, String password) {
    browser.heading("Connexion");
    browser.type(browser.field("Identifiant"), login);
    browser.type(browser.field("Mot de passe"), password);
    browser.click(browser.button("Se connecter"));
  }

  private void coordinatorOpens(String link, String heading) {
    signIn("coordinatrice", TestServer.passwordOf("coordinatrice"));
    browser.heading("Appels");
    browser.click(browser.driver.findElement(By.linkText(link)));
    browser.heading(heading);
  }

  private List<String> menu() {
    browser.visible(By.cssSelector("#nav a"));
    return browser.driver.findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
  }

  /** What the service answers this page's session for a GET (the cookie goes with it). */
  private long statusOf(String path) {
    return (Long) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), () => done(0));", path);
  }

  @Test
  @DisplayName("a professional created with an invalid RPPS shows the French error beside the RPPS field; corrected, it is created")
  void invalidRppsIsShownBesideItsField() {
    coordinatorOpens("Annuaire", "Annuaire des professionnels");
    browser.heading("Nouvelle fiche de professionnel");
    browser.assertAccessible("annuaire");
    WebElement rpps = browser.field("RPPS");
    browser.type(rpps, "10000000000");
    browser.type(browser.field("Nom"), "Nouvelle");
    browser.type(browser.field("Prénom"), "Camille");
    browser.choose(browser.field("Profession du professionnel"), "kinésithérapeute");
    browser.type(browser.field("Téléphone"), "04 67 12 34 56");
    browser.type(browser.field("Nom du lieu"), "Cabinet des Halles");
    browser.type(browser.field("Adresse"), "3 rue des Halles");
    browser.choose(browser.field("Commune du lieu"), "Mèze");
    browser.click(browser.button("Créer la fiche"));
    WebElement error = browser.visible(By.id(rpps.getAttribute("id") + "-error"));
    assertThat(error.getText()).isEqualTo("RPPS : 11 chiffres dont le dernier est la clé de contrôle (vérifiez la carte CPS).");
    assertThat(rpps.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(rpps.getAttribute("aria-describedby")).contains(error.getAttribute("id"));
    assertThat(browser.driver.switchTo().activeElement()).isEqualTo(rpps);
    browser.assertAccessible("annuaire, erreur de RPPS");
    browser.screenshot("coord-annuaire-erreur", browser.heading("Nouvelle fiche de professionnel"));
    assertThat(server.count("SELECT count(*) FROM professional WHERE family_name = 'Nouvelle'")).isZero();

    browser.type(rpps, Fixtures.newRpps());
    browser.click(browser.button("Créer la fiche"));
    browser.heading("Modifier la fiche de Camille Nouvelle");
    browser.visible(By.xpath("//tr[th[normalize-space()='Nouvelle Camille']]"));
    assertThat(server.count("SELECT count(*) FROM professional WHERE family_name = 'Nouvelle'")).isEqualTo(1);
  }

  @Test
  @DisplayName("the coverage shows Mèze with no SNP slot all week, Sète's slot tomorrow morning, and who is behind a cell")
  void coverageShowsCommuneWithoutSlot() {
    coordinatorOpens("Couverture SNP", "Couverture en soins non programmés");
    WebElement meze = browser.visible(By.xpath("//table[contains(@class,'coverage')]//tr[th[normalize-space()='Mèze']]"));
    assertThat(meze.findElements(By.cssSelector("td.gap"))).as(meze.getAttribute("outerHTML")).hasSize(14);
    assertThat(meze.getText()).contains("✕ Aucun");
    WebElement cell = browser.button("Sète, mardi 24 novembre matin : 1 libre");
    browser.text("demi-journée(s) sans créneau SNP libre.");
    browser.assertAccessible("couverture SNP");
    browser.screenshot("coord-couverture");
    browser.click(cell);
    browser.heading("Sète — mardi 24 novembre, matin");
    browser.text("Sacha Couvreur (médecin généraliste) : 1 libre(s), 0 réservé(s)");
    browser.click(browser.button("Mèze, mardi 24 novembre après-midi : Aucun"));
    browser.text("Aucun professionnel n'a de créneau SNP ici : c'est un trou à combler.");
  }

  @Test
  @DisplayName("an operator account created by the coordinator signs in, once its temporary password is changed")
  void operatorAccountCreatedByCoordinatorSignsIn() {
    coordinatorOpens("Comptes", "Comptes");
    browser.type(browser.field("Identifiant"), "nouvelle-operatrice");
    browser.type(browser.field("Mot de passe provisoire"), "provisoire-pour-nouvelle-2026");
    browser.choose(browser.field("Rôle"), "Opérateur ou opératrice");
    browser.click(browser.button("Créer le compte"));
    browser.text("Compte nouvelle-operatrice créé. Transmettez le mot de passe provisoire de vive voix.");
    browser.visible(By.xpath("//tr[th[normalize-space()='nouvelle-operatrice']]/td[normalize-space()='Mot de passe à changer']"));
    browser.assertAccessible("comptes");
    browser.screenshot("coord-comptes");
    browser.click(browser.button("Se déconnecter"));

    signIn("nouvelle-operatrice", "provisoire-pour-nouvelle-2026");
    browser.heading("Choisissez votre mot de passe");
    browser.type(browser.field("Mot de passe actuel"), "provisoire-pour-nouvelle-2026");
    browser.type(browser.field("Nouveau mot de passe"), "choisi-par-elle-meme-2026");
    browser.type(browser.field("Nouveau mot de passe, une seconde fois"), "choisi-par-elle-meme-2026");
    browser.click(browser.button("Enregistrer mon mot de passe"));
    browser.heading("Appels");
    browser.click(browser.button("Se déconnecter"));
    signIn("nouvelle-operatrice", "choisi-par-elle-meme-2026");
    browser.heading("Appels");
    assertThat(menu()).containsExactly("File d'appels", "Rendez-vous", "Journal des messages",
        "Demandes aux professionnels");
  }

  @Test
  @DisplayName("a coordinator resets a password and deactivates an account from the list")
  void coordinatorResetsAndDeactivates() {
    world.account("operateur-sortant", "OPERATOR");
    coordinatorOpens("Comptes", "Comptes");
    browser.click(browser.button("Réinitialiser le mot de passe de operateur-sortant"));
    browser.type(browser.field("Mot de passe provisoire pour operateur-sortant"), "remise-a-zero-solide-2026");
    browser.click(browser.button("Enregistrer le mot de passe provisoire"));
    browser.text("Mot de passe de operateur-sortant réinitialisé : ses sessions sont closes.");
    browser.click(browser.button("Désactiver operateur-sortant"));
    browser.text("Compte operateur-sortant désactivé : ses sessions sont closes.");
    browser.visible(By.xpath("//tr[th[normalize-space()='operateur-sortant']]/td[normalize-space()='Désactivé']"));
    assertThat(server.http.post("/api/v1/auth/login", null, new JsonObject().put("login", "operateur-sortant")
        .put("password", "remise-a-zero-solide-2026")).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("the waiting list shows a request's priority reasons; the coordinator proposes it to a candidate GP and records the patient's agreement")
  void coordinatorProposesFromTheWaitingList() {
    JsonObject patient = Fixtures.aPatientInSete().put("familyName", "Attente").put("birthDate", "1950-01-01")
        .put("phone", "06 44 33 22 11").put("fragility", new io.vertx.core.json.JsonArray().add("ALD"));
    assertThat(server.http.post("/api/v1/waitlist", world.coordinator, new JsonObject().put("patient", patient)
        .put("source", "PARTNER")).statusCode()).isEqualTo(201);
    coordinatorOpens("Liste d'attente", "Liste d'attente médecin traitant");
    browser.heading("Les chiffres de la liste");
    WebElement row = browser.visible(By.xpath("//tr[th[normalize-space()='Zoé Attente']]"));
    assertThat(row.getText()).contains("Affection de longue durée (ALD)").contains("70 ans ou plus");
    browser.assertAccessible("liste d'attente");
    browser.screenshot("coord-liste-attente");
    browser.click(browser.button("Candidats pour Zoé Attente"));
    browser.heading("Médecins pour Zoé Attente");
    browser.click(browser.button("Proposer à Dr Médecin"));
    browser.text("Proposé à Dr Médecin : en attente de la réponse du médecin et de l'accord du patient.");
    browser.click(browser.button("Le patient accepte"));
    browser.text("Médecin : pas encore répondu ; patient : accepte. Proposition en cours.");
  }

  @Test
  @DisplayName("the audit trail filtered on patients shows who read which patient")
  void auditTrailShowsWhoReadWhichPatient() {
    coordinatorOpens("Journal d'audit", "Journal d'audit");
    browser.choose(browser.field("Type d'objet"), "Patient");
    browser.click(browser.button("Filtrer"));
    browser.visible(By.xpath("//table//td[starts-with(normalize-space(), 'Patient ')]"));
    browser.assertAccessible("journal d'audit");
    browser.screenshot("coord-audit");
  }

  @Test
  @DisplayName("each role sees only its screens, a forbidden address says so, and the service refuses that role's forbidden calls")
  void eachRoleSeesOnlyItsScreens() {
    record Expected(String login, String home, List<String> menu, String forbiddenScreen, String forbiddenCall) {
    }
    List<Expected> roles = List.of(
        new Expected("operatrice-menu", "Appels", List.of("File d'appels", "Rendez-vous", "Journal des messages",
            "Demandes aux professionnels"), "comptes", "/api/v1/accounts"),
        new Expected("pharmacie-menu", "Orienter un patient", List.of("Orienter un patient", "Demandes aux professionnels"), "couverture",
            "/api/v1/agenda/snp-coverage?territory=" + Fixtures.THAU),
        new Expected("docteur-menu", "Mon agenda",
            List.of("Mon agenda", "Mes rendez-vous", "Mon calendrier", "Propositions de patients", "Mes gardes",
                "Demandes de rendez-vous"), "annuaire",
            "/api/v1/audit"),
        new Expected("coordinatrice", "Appels", List.of("File d'appels", "Rendez-vous", "Journal des messages", "Tableau de bord", "Annuaire", "Couverture SNP", "Liste d'attente",
            "Comptes", "Journal d'audit", "Tour de garde", "Secteurs et plages de garde", "Demandes aux professionnels"), "agenda",
            "/api/v1/agenda/snp-coverage?territory=" + Fixtures.BERANGE));
    for (Expected role : roles) {
      browser.open("http://localhost:" + server.port() + "/");
      signIn(role.login(), TestServer.passwordOf(role.login()));
      browser.heading(role.home());
      assertThat(menu()).as(role.login()).containsExactlyElementsOf(role.menu());
      browser.driver.get("http://localhost:" + server.port() + "/#/" + role.forbiddenScreen());
      browser.heading("Accès refusé");
      browser.text("Cet écran n'est pas ouvert à votre compte.");
      browser.assertAccessible("accès refusé (" + role.login() + ")");
      assertThat(statusOf(role.forbiddenCall())).as(role.login() + " " + role.forbiddenCall()).isEqualTo(403);
      browser.click(browser.button("Se déconnecter"));
      browser.heading("Connexion");
    }
  }
}
