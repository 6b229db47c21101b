package org.vigie.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TestIntake.Association;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * The volunteers' page checked against the Web Content Accessibility Guidelines (WCAG 2.2, levels A and AA, and
 * axe-core's best practices), in headless Chromium, in the states a volunteer meets: signed out; signed in with a
 * case open and an alert on it, in French, in English, on a phone's width; the federation's administrator. Many
 * volunteers are not young, some see poorly, and many use the page on a phone.
 */
class PageAccessibilityTest extends BrowserVisits {
  private static final Api API = TestIntake.api();
  /** WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA, and the rules axe-core counts as good practice. */
  private static final List<String> CHECKED = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

  @Test
  void theSignInPageMeetsTheGuidelines() {
    assertThat(violations()).as("signed out").isEmpty();
  }

  @Test
  void aCaseWithAnAlertMeetsTheGuidelinesInBothLanguagesAndOnAPhone() throws Exception {
    Association a = TestIntake.newAssociation(API);
    String caseId = TestIntake.newCase(API, a.token());
    PageInBrowserTest.publishAlert(a, caseId, LocalDate.now().plusDays(10), Instant.now(), 1, RuleId.API_EXPIRING, Severity.WARNING);
    browser.signIn(a.token());
    browser.click(By.xpath("//tbody[@id='cases']/tr[@data-case-id='" + caseId + "']//button[normalize-space()='Voir']"));
    browser.waitUntil(d -> !d.findElement(By.id("caseRef")).getText().isBlank(), "the case shown");
    browser.waitUntil(d -> !d.findElements(By.cssSelector("#alerts tr")).isEmpty(), "the alert listed");
    assertThat(violations()).as("a case open, in French").isEmpty();

    browser.switchLanguage();
    assertThat(violations()).as("in English").isEmpty();

    browser.resize(new Dimension(360, 800));
    assertThat(violations()).as("on a phone").isEmpty();
  }

  @Test
  void theFederationsPageMeetsTheGuidelines() {
    TestIntake.newAssociation(API);
    browser.signIn(TestIntake.ADMIN_TOKEN);
    assertThat(violations()).as("the federation's administrator").isEmpty();
  }

  /** Each rule the page breaks, with its elements (six at most) and what axe-core says to fix. */
  private List<String> violations() {
    return new AxeBuilder().withTags(CHECKED).analyze(browser.driver()).getViolations().stream()
        .map(PageAccessibilityTest::described).toList();
  }

  private static String described(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + rule.getNodes().stream().limit(6)
        .map(PageAccessibilityTest::described).collect(Collectors.joining());
  }

  private static String described(CheckedNode node) {
    return "\n  " + node.getTarget() + ": " + node.getFailureSummary().replace('\n', ' ');
  }
}
