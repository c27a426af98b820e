package fr.aiguillage.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless, driven by Selenium through /usr/bin/chromedriver (never downloaded). Elements
 * are found the way a person finds them: by label, button name, heading. Every interaction counts as one action.
 * Without the browser the tests fail, saying what to install.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  public final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path profile;
  private int actions;
  private int failures;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  public static Browser start() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("The browser tests need Debian's Chromium: apt-get install -y chromium "
          + "chromium-driver (./scripts/test.sh installs them)");
    }
    try {
      Path profile = Files.createTempDirectory("aiguillage-chromium");
      System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--lang=fr-FR", "--window-size=1366,768", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void open(String url) {
    driver.manage().deleteAllCookies();
    driver.get(url);
  }

  public void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  // ---- finding, the way a person does

  public WebElement field(String label) {
    WebElement l = visible(By.xpath("//label[normalize-space()=" + literal(label) + "]"));
    return driver.findElement(By.id(l.getAttribute("for")));
  }

  public WebElement button(String name) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()=" + literal(name)
        + " or @aria-label=" + literal(name) + "]")));
  }

  /** The first enabled button whose accessible name starts with this text. */
  public WebElement buttonStartingWith(String prefix) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[starts-with(@aria-label, "
        + literal(prefix) + ") or starts-with(normalize-space(), " + literal(prefix) + ")]")));
  }

  public WebElement radio(String legend, String option) {
    WebElement label = visible(By.xpath("//fieldset[legend[normalize-space()=" + literal(legend) + "]]//label[normalize-space()="
        + literal(option) + "]"));
    return driver.findElement(By.id(label.getAttribute("for")));
  }

  public WebElement heading(String text) {
    return visible(By.xpath("//*[self::h1 or self::h2 or self::h3][normalize-space()=" + literal(text) + "]"));
  }

  public WebElement text(String fragment) {
    return visible(By.xpath("//*[contains(normalize-space(), " + literal(fragment) + ") and not(*[contains(normalize-space(), "
        + literal(fragment) + ")])]"));
  }

  public boolean hasButton(String name) {
    return !driver.findElements(By.xpath("//button[normalize-space()=" + literal(name) + "]")).isEmpty();
  }

  /** Waits for the element; on a timeout, the screen is saved as target/screenshots/failure-N.png first. */
  public WebElement visible(By by) {
    try {
      return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("failure-" + (++failures));
      throw e;
    }
  }

  // ---- acting: each call is one action of the person

  public void click(WebElement element) {
    actions++;
    element.click();
  }

  public void type(WebElement element, String text) {
    actions++;
    element.clear();
    element.sendKeys(text, Keys.TAB);
  }

  public void choose(WebElement select, String visibleText) {
    actions++;
    new Select(select).selectByVisibleText(visibleText);
  }

  public void doubleClick(WebElement element) {
    actions++;
    new Actions(driver).doubleClick(element).perform();
  }

  public int actions() {
    return actions;
  }

  public void resetActions() {
    actions = 0;
  }

  // ---- keyboard only

  /** Presses Tab until the element has the focus (at most 80 times); fails if it never gets it. */
  public void tabTo(WebElement target) {
    for (int i = 0; i < 80; i++) {
      if (target.equals(driver.switchTo().activeElement())) {
        return;
      }
      new Actions(driver).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached " + target.getAccessibleName());
  }

  public void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  // ---- evidence

  /** A screenshot with this element at the top of the window. */
  public void screenshot(String name, WebElement top) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", top);
    screenshot(name);
  }

  public void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core (injected here, never served by the service): no serious or critical violation. */
  public void assertAccessible(String screen) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
        .analyze(driver);
    List<String> severe = results.getViolations().stream()
        .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
        .map(Browser::describe).toList();
    assertThat(severe).as("axe-core on " + screen).isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
        .map(n -> String.valueOf(n.getTarget())).toList();
  }

  public boolean scrollsSideways() {
    return (Boolean) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
  }

  private static String literal(String s) {
    if (!s.contains("'")) {
      return "'" + s + "'";
    }
    return "concat('" + s.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
