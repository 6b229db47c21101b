package org.vigie.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.audit.testing.CaseEvents;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigException;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.EventSource;

class RetentionPolicyTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private final RetentionPolicy policy = RetentionPolicy.defaults();

  private static CaseActivity active(String id, LocalDate last) {
    return new CaseActivity(id, "a1", last, false);
  }

  @Test
  void aCaseIsDueOnTheDayItsLastActivityIsTwoYearsOld() {
    assertThat(policy.isDue(active("c", LocalDate.of(2024, 11, 26)), TODAY)).isTrue();
    assertThat(policy.isDue(active("c", LocalDate.of(2024, 11, 27)), TODAY)).isFalse();
  }

  @Test
  void leapDaysFollowTheCalendar() {
    assertThat(policy.lastActiveDayDue(LocalDate.of(2026, 2, 28))).isEqualTo(LocalDate.of(2024, 2, 28));
    assertThat(policy.isDue(active("c", LocalDate.of(2024, 2, 29)), LocalDate.of(2026, 2, 28))).isFalse();
    assertThat(policy.isDue(active("c", LocalDate.of(2024, 2, 29)), LocalDate.of(2026, 3, 1))).isTrue();
  }

  @Test
  void anErasedCaseIsNeverDueAgainAndTheOldestComeFirst() {
    List<CaseActivity> due = policy.dueForErasure(List.of(
        active("recent", LocalDate.of(2026, 1, 1)),
        active("old-b", LocalDate.of(2023, 5, 1)),
        active("old-a", LocalDate.of(2023, 5, 1)),
        active("older", LocalDate.of(2022, 1, 1)),
        new CaseActivity("erased", "a1", LocalDate.of(2020, 1, 1), true)), TODAY);

    assertThat(due).extracting(CaseActivity::caseId).containsExactly("older", "old-a", "old-b");
  }

  @Test
  void thePeriodIsConfigurable() {
    RetentionPolicy eighteenMonths = RetentionPolicy.fromConfig(Config.of(Map.of(RetentionPolicy.RETENTION_PERIOD, "P18M")));

    assertThat(eighteenMonths.inactivity()).isEqualTo(Period.ofMonths(18));
    assertThat(eighteenMonths.isDue(active("c", LocalDate.of(2025, 5, 26)), TODAY)).isTrue();
    assertThat(RetentionPolicy.fromConfig(Config.empty())).isEqualTo(RetentionPolicy.defaults());
    assertThatThrownBy(() -> RetentionPolicy.fromConfig(Config.of(Map.of(RetentionPolicy.RETENTION_PERIOD, "two years"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining(RetentionPolicy.RETENTION_PERIOD);
    assertThatThrownBy(() -> RetentionPolicy.fromConfig(Config.of(Map.of(RetentionPolicy.RETENTION_PERIOD, "P0D"))))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void activityIsTheLaterOfOccurredAndRecordedAndErasureCounts() {
    ActivityTracker tracker = new ActivityTracker(ZoneId.of("Europe/Paris"));
    CaseEvents backdated = CaseEvents.of("c1", "a1").opened(LocalDate.of(2024, 1, 10), "93", LocalDate.of(2024, 6, 1));
    CaseEvent late = CaseEvent.newBuilder(CaseEvents.of("c1", "a1").blockage(LocalDate.of(2023, 3, 1), BlockageKind.OTHER)
        .events().get(0)).setEventId("late").setRecordedAt(Instant.parse("2024-03-05T10:00:00Z")).build();
    backdated.events().forEach(tracker);
    tracker.accept(late);
    CaseEvents.of("c2", "a1").opened(LocalDate.of(2023, 1, 1), "93", null).erased(LocalDate.of(2023, 2, 1)).events()
        .forEach(tracker);

    assertThat(tracker.cases()).containsExactlyInAnyOrder(
        new CaseActivity("c1", "a1", LocalDate.of(2024, 3, 5), false),
        new CaseActivity("c2", "a1", LocalDate.of(2023, 2, 1), true));
    assertThat(policy.dueForErasure(tracker.cases(), LocalDate.of(2026, 3, 5))).extracting(CaseActivity::caseId)
        .containsExactly("c1");
  }

  @Test
  void theErasureEventIsASystemEvent() {
    CaseEvent e = RetentionPolicy.erasureEvent("e1", "c1", "a1", TODAY, Instant.parse("2026-11-26T02:00:00Z"));

    assertThat(e.getPayload()).isInstanceOf(CaseErased.class);
    assertThat(e.getRecordedBy()).isEqualTo("system");
    assertThat(e.getSource()).isEqualTo(EventSource.SYSTEM);
    assertThat(e.getOccurredOn()).isEqualTo(TODAY);
  }
}
