package org.vigie.notifier.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.notifier.alert.AlertStore;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.schemas.Severity;

class FollowUpClockTest {
  private static final Config BASE = Config.of(Map.of(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, "localhost:9092",
      ConfigNames.VIGIE_DB_URL, "jdbc:postgresql://localhost/vigie", ConfigNames.SMTP_HOST, "localhost"));
  private final FollowUpClock clock = new FollowUpClock(new AlertStore(), NotifierSettings.from(BASE));
  /** Thursday 26 November 2026, 11:00 in Paris. */
  private final Instant sent = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void aDeadlineFarAwayLeavesTheSeveritysDelay() {
    assertThat(clock.first(Severity.CRITICAL, LocalDate.parse("2026-12-20"), sent)).contains(Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(clock.first(Severity.HIGH, LocalDate.parse("2026-12-20"), sent)).contains(Instant.parse("2026-11-29T10:00:00Z"));
    assertThat(clock.first(Severity.HIGH, null, sent)).contains(Instant.parse("2026-11-29T10:00:00Z"));
    assertThat(clock.first(Severity.INFO, LocalDate.parse("2026-11-28"), sent)).as("INFO never escalates").isEmpty();
  }

  @Test
  void theCoordinatorsHearOfItBeforeTheDayOfTheDeadline() {
    // 48 hours from yesterday's notification: the last day is the day after tomorrow
    assertThat(clock.first(Severity.CRITICAL, LocalDate.parse("2026-11-28"), sent))
        .contains(Instant.parse("2026-11-26T23:00:00Z"));
    // a HIGH alert whose deadline is four days away: the day before it, not 72 hours after
    assertThat(clock.first(Severity.HIGH, LocalDate.parse("2026-11-30"), sent))
        .contains(Instant.parse("2026-11-28T23:00:00Z"));
    assertThat(clock.first(Severity.WARNING, LocalDate.parse("2026-12-01"), sent))
        .contains(Instant.parse("2026-11-29T23:00:00Z"));
  }

  @Test
  void aDeadlineTomorrowLeavesTheVolunteerTwoHours() {
    assertThat(clock.first(Severity.CRITICAL, LocalDate.parse("2026-11-27"), sent))
        .contains(sent.plus(FollowUpClock.MIN_WINDOW));
  }

  @Test
  void aDeadlineTodayOrPastLeavesTheSeveritysDelay() {
    assertThat(clock.first(Severity.CRITICAL, LocalDate.parse("2026-11-26"), sent)).contains(Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(clock.first(Severity.CRITICAL, LocalDate.parse("2026-10-01"), sent)).contains(Instant.parse("2026-11-27T10:00:00Z"));
  }
}
