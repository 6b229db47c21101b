package org.vigie.intake.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigie.platform.bench.ScratchDirectory;

/**
 * The volunteers' page in a real browser: Debian's headless Chromium driven by Debian's ChromeDriver (both given
 * by path, so Selenium Manager never looks for, nor downloads, anything), on a fresh profile deleted on close.
 * Opens the page, signs in, switches the language, reads the status message, and keeps the console's errors.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** The window of a laptop; {@link #resize} for a phone's. */
  static final Dimension LAPTOP = new Dimension(1280, 900);
  /** How long the page may take to show what a test waits for (a local service: a second or two at most). */
  private static final Duration PATIENCE = Duration.ofSeconds(6);

  private final String baseUrl;
  private final ScratchDirectory profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  Browser(String baseUrl, ScratchDirectory profile, ChromeDriverService service, ChromeDriver driver) {
    this.baseUrl = baseUrl;
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  /** Skips the test where Chromium or ChromeDriver is not installed (a developer's machine without them). */
  static void assumeInstalled() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and ChromeDriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
            + " for the page's browser tests: run `apt-get install chromium chromium-driver`");
  }

  /** Starts Chromium for the page at {@code baseUrl}; skips the test where Chromium or ChromeDriver is not installed. */
  static Browser start(String baseUrl) {
    assumeInstalled();
    ScratchDirectory profile = temporaryProfile();
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    try {
      return new Browser(baseUrl, profile, service, new ChromeDriver(service, options(profile.path())));
    } catch (RuntimeException e) {
      service.stop();
      profile.close();
      throw e;
    }
  }

  private static ChromeOptions options(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=" + LAPTOP.getWidth() + "," + LAPTOP.getHeight());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    return options;
  }

  /**
   * A fresh visit of the page: nothing kept from an earlier one (no token, French), a laptop's window, the
   * console's earlier errors dropped (those of the page's loading are kept).
   */
  void open() {
    driver.manage().window().setSize(LAPTOP);
    // the storage is cleared on a page of the same origin that runs no script, then the page is loaded
    driver.get(baseUrl + "/health");
    driver.executeScript("localStorage.clear(); sessionStorage.clear();");
    takeConsoleErrors();
    driver.get(baseUrl + "/");
    waitUntil(d -> d.findElement(By.id("token")).isDisplayed(), "the sign-in form");
  }

  /** The driver, for a library that works on the page as a whole (the accessibility checks). */
  WebDriver driver() {
    return driver;
  }

  void resize(Dimension window) {
    driver.manage().window().setSize(window);
  }

  /**
   * Signs in with a token through the page's form; waits for the page to say so and to show what the token opens
   * (a member's cases and alerts, the administrator's federation).
   */
  void signIn(String token) {
    type(By.id("token"), token);
    driver.findElement(By.cssSelector("#login button:not([type=button])")).click();
    awaitMessage(language().equals("en") ? "Signed in." : "Connecté·e.");
    waitUntil(d -> d.findElement(By.id("app")).isDisplayed() || d.findElement(By.id("federation")).isDisplayed(),
        "the signed-in part of the page");
  }

  /** The page's language, as its root element says it (fr, en). */
  String language() {
    return driver.findElement(By.tagName("html")).getDomAttribute("lang");
  }

  /** Clicks the « English » / « Français » switch and waits for the page to be in the other language. */
  void switchLanguage() {
    String other = language().equals("en") ? "fr" : "en";
    click(By.id("lang"));
    waitUntil(d -> language().equals(other), "the page in " + other);
  }

  /** The status message (#message) as shown. */
  String message() {
    return driver.findElement(By.id("message")).getText();
  }

  /** Waits until the status message starts with {@code expected} (a message may go on with a notice). */
  void awaitMessage(String expected) {
    waitUntil(d -> message().startsWith(expected), "the message « " + expected + " »");
  }

  /** Waits until {@code condition} gives something else than null or false; a timeout names it and the message shown. */
  <T> T waitUntil(Function<WebDriver, T> condition, String what) {
    return waitUntil(condition, () -> what);
  }

  /** The same, what was awaited said once the wait failed (it may tell what the page showed instead). */
  <T> T waitUntil(Function<WebDriver, T> condition, Supplier<String> what) {
    return new WebDriverWait(driver, PATIENCE)
        // the page reloaded, or redrew a list, meanwhile: an element read may be gone (stale, or a node of the
        // document being replaced, which Chromium reports as an unknown error)
        .ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class)
        .withMessage(() -> "waiting for " + what.get() + "; the page's message: « " + messageIfAny() + " »")
        .until(condition);
  }

  private String messageIfAny() {
    try {
      return message();
    } catch (WebDriverException e) {
      return "(unreadable: " + e.getClass().getSimpleName() + ")";
    }
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  /** Clicks an element, once it can be clicked. */
  void click(By by) {
    waitUntil(d -> {
      WebElement e = d.findElement(by);
      return e.isDisplayed() && e.isEnabled() ? e : null;
    }, "a clickable " + by).click();
  }

  /** Two clicks as a person double-clicking does, the second not waiting for what the first started. */
  void doubleClick(By by) {
    WebElement e = find(by);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    new Actions(driver).doubleClick(e).perform();
  }

  void type(By by, String text) {
    WebElement e = find(by);
    e.clear();
    e.sendKeys(text);
  }

  /** Sets a date field as its date picker does (typing a date depends on the browser's locale). */
  void pickDate(By by, LocalDate day) {
    driver.executeScript("arguments[0].value = arguments[1];"
        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true})); arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        find(by), day.toString());
  }

  void choose(By by, String value) {
    new Select(find(by)).selectByValue(value);
  }

  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** The console's errors (SEVERE entries) since the last call. */
  List<String> takeConsoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      profile.close();
    }
  }

  /** A fresh profile, deleted when the browser closes (or the test JVM exits). */
  private static ScratchDirectory temporaryProfile() {
    try {
      return ScratchDirectory.create("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
