package fr.aiguillage.console;

import fr.aiguillage.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** What a person does in the console, step by step, shared by the browser test classes. */
final class ConsoleSteps {

  private final Browser browser;

  ConsoleSteps(Browser browser) {
    this.browser = browser;
  }

  void signIn(String login) {
    signIn(login, ConsoleScenario.PASSWORD_PREFIX + login);
  }

  void signIn(String login, String password) {
    browser.heading("Connexion");
    browser.type(browser.field("Identifiant"), login);
    browser.type(browser.field("Mot de passe"), password);
    browser.click(browser.button("Se connecter"));
  }

  void takeCallFrom(String spokenNumber) {
    browser.click(browser.button("Prendre l'appel du " + spokenNumber));
  }

  /** Simple cystitis: the answers of {@link OperatorConsoleTest#SIMPLE_CYSTITIS}. */
  void answerSimpleCystitis() {
    browser.choose(browser.field("Motif de l'appel"), "Brûlures urinaires");
    for (String key : List.of("flankPain", "pregnant", "immunocompromised", "temperatureC", "recurrentEpisodes")) {
      WebElement q = browser.visible(By.cssSelector("[data-key='" + key + "']"));
      String answer = OperatorConsoleTest.SIMPLE_CYSTITIS.get(key);
      if (q.getTagName().equals("fieldset")) {
        browser.click(browser.radio(q.findElement(By.tagName("legend")).getText(), answer));
      } else {
        browser.type(q.findElement(By.tagName("input")), answer);
      }
    }
  }
}
