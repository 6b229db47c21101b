package org.vigie.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.vigie.intake.support.TestIntake;

/**
 * Tests of the volunteers' page in one browser for the class, each test a fresh visit of the test intake's page, and
 * no error left in the browser's console after it. Each test is skipped, saying why, where Chromium is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserVisits {
  /** Started by the first test. */
  protected Browser browser;

  @BeforeEach
  void freshVisit() {
    Browser.assumeInstalled();
    if (browser == null) {
      browser = Browser.start("http://localhost:" + TestIntake.service().port());
    }
    browser.open();
  }

  @AfterEach
  void noErrorInTheConsole() {
    if (browser != null) { // not started where the test was skipped
      assertThat(browser.takeConsoleErrors()).as("errors in the browser's console").isEmpty();
    }
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
