package org.vigie.notifier.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.vigie.notifier.NotifierService;
import org.vigie.notifier.testing.Fixtures;
import org.vigie.notifier.testing.Harness;
import org.vigie.notifier.testing.Mails;
import org.vigie.notifier.testing.TestClock;
import org.vigie.platform.config.Config;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * The pages an acknowledgement link opens, checked against the Web Content Accessibility Guidelines (WCAG 2.2, levels
 * A and AA, and axe-core's best practices) in headless Chromium, on a laptop's and a phone's width: the alert and its
 * button, what the button did, the alert already taken in hand, an expired link and an unknown one. Volunteers open
 * them from a mail, often on a phone, and some see poorly. Each page says everything in French then in English, so
 * both languages are checked at once. Skipped where Chromium or ChromeDriver is not installed.
 */
class AckPageAccessibilityTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA, and the rules axe-core counts as good practice. */
  private static final List<String> CHECKED = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
  private static final Dimension LAPTOP = new Dimension(1280, 900);
  private static final Dimension PHONE = new Dimension(360, 800);

  private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));

  @Test
  void everyPageALinkOpensMeetsTheGuidelinesOnALaptopAndOnAPhone(@TempDir Path profile) {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and ChromeDriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
            + " for the acknowledgement pages' browser test: run `apt-get install chromium chromium-driver`");
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    String mail = volunteer + "@asso.test";
    // links valid for an hour, so that the test's clock makes one expire; the pages link to the volunteers' page
    Config config = Harness.servingLinks(Harness.fromNow(SMTP.getSmtp().getPort()))
        .with("VIGIE_NOTIFIER_ACK_TTL", "PT1H").with("VIGIE_PAGE_URL", "https://vigie.test");
    ChromeDriver browser = chromium(profile);
    try (Harness kafka = new Harness();
        NotifierService service = NotifierService.start(config, NotifierService.Options.defaults().withClock(clock))) {
      kafka.publish(Fixtures.volunteer(association, volunteer, mail).build());
      List<String> links = new ArrayList<>();
      for (RuleId rule : List.of(RuleId.API_EXPIRED, RuleId.EMPLOYMENT_AT_RISK)) {
        CaseAlert alert = Fixtures.raised(association, volunteer, rule, Severity.CRITICAL).build();
        kafka.publish(alert);
        int mails = links.size() + 1;
        await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, mail).size() == mails);
        links.add(Mails.ackLink(Mails.to(SMTP, mail).get(mails - 1)));
      }
      // every page checked, whatever an earlier one broke: the failure lists them all
      SoftAssertions softly = new SoftAssertions();

      browser.get(links.get(0));
      assertThat(browser.getTitle()).startsWith("Vigie — Prendre l'alerte en charge");
      softly.assertThat(violations(browser)).as("the alert and its button").isEmpty();
      // the heading in both languages; French as printed, « ? » and « : » kept with the word before them
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vigie — Prendre l'alerte en charge / Take the alert in hand");
      assertThat(browser.findElement(By.cssSelector("main > p")).getDomProperty("textContent"))
          .startsWith("Vous vous occupez de cette alerte\u00A0? Confirmez\u00A0:");

      browser.findElement(By.cssSelector("form[method=post] button")).click();
      await().atMost(Duration.ofSeconds(6)).until(() -> browser.getTitle().startsWith("Vigie — Alerte prise en charge"));
      softly.assertThat(violations(browser)).as("the alert taken in hand").isEmpty();

      browser.get(links.get(0));
      assertThat(browser.getTitle()).startsWith("Vigie — Alerte déjà prise en charge");
      softly.assertThat(violations(browser)).as("the alert already taken in hand").isEmpty();

      clock.advance(Duration.ofHours(2));
      browser.get(links.get(1));
      assertThat(browser.getTitle()).startsWith("Vigie — Lien expiré");
      softly.assertThat(violations(browser)).as("an expired link").isEmpty();

      browser.get(links.get(1).substring(0, links.get(1).lastIndexOf('/') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
      assertThat(browser.getTitle()).startsWith("Vigie — Lien non valide");
      softly.assertThat(violations(browser)).as("an unknown link").isEmpty();

      softly.assertAll();
    } finally {
      browser.quit();
    }
  }

  /** Headless Chromium on a fresh profile, driver and browser given by path: nothing looked for nor downloaded. */
  private static ChromeDriver chromium(Path profile) {
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=" + LAPTOP.getWidth() + "," + LAPTOP.getHeight());
    return new ChromeDriver(service, options);
  }

  /** The rules the page shown breaks on a laptop's width then on a phone's, each said with the width. */
  private static List<String> violations(ChromeDriver browser) {
    List<String> found = new ArrayList<>();
    for (Dimension window : List.of(LAPTOP, PHONE)) {
      browser.manage().window().setSize(window);
      new AxeBuilder().withTags(CHECKED).analyze(browser).getViolations().stream()
          .map(rule -> window.getWidth() + " px wide: " + described(rule)).forEach(found::add);
    }
    browser.manage().window().setSize(LAPTOP);
    return found;
  }

  /** A rule broken, with its elements (six at most) and what axe-core says to fix. */
  private static String described(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + rule.getNodes().stream().limit(6)
        .map(AckPageAccessibilityTest::described).collect(Collectors.joining());
  }

  private static String described(CheckedNode node) {
    return "\n  " + node.getTarget() + ": " + node.getFailureSummary().replace('\n', ' ');
  }
}
