package org.vigie.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.audit.testing.CaseEvents;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;

class RetentionJobTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), PARIS);

  private static final class Recording implements ErasureActions {
    final List<String> calls = new ArrayList<>();
    final List<CaseEvent> published = new ArrayList<>();
    String failOn;

    @Override
    public void shredIdentityKey(String caseId) {
      if (caseId.equals(failOn)) {
        throw new IllegalStateException("vault unavailable");
      }
      calls.add("shred " + caseId);
    }

    @Override
    public void purgeReadModels(String caseId) {
      calls.add("purge " + caseId);
    }

    @Override
    public void publish(CaseEvent erased) {
      calls.add("publish " + erased.getCaseId());
      published.add(erased);
    }
  }

  private static List<CaseActivity> cases() {
    return List.of(new CaseActivity("old", "a1", LocalDate.of(2024, 1, 1), false),
        new CaseActivity("older", "a2", LocalDate.of(2023, 1, 1), false),
        new CaseActivity("recent", "a1", LocalDate.of(2026, 1, 1), false),
        new CaseActivity("gone", "a1", LocalDate.of(2020, 1, 1), true));
  }

  @Test
  void dueCasesAreShreddedPurgedThenAnnouncedInThatOrder() {
    Recording actions = new Recording();

    RetentionJob.Outcome outcome = new RetentionJob(RetentionPolicy.defaults(), actions, CLOCK, PARIS).run(cases());

    assertThat(outcome.erased()).containsExactly("older", "old");
    assertThat(outcome.failed()).isEmpty();
    assertThat(actions.calls).containsExactly("shred older", "purge older", "publish older",
        "shred old", "purge old", "publish old");
    CaseEvent event = actions.published.get(0);
    assertThat(event.getPayload()).isInstanceOf(CaseErased.class);
    assertThat(event.getAssociationId()).isEqualTo("a2");
    assertThat(event.getOccurredOn()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(event.getEventId()).isEqualTo(RetentionJob.erasureEventId("older"));
  }

  @Test
  void aFailingCaseIsLeftForTheNextRunAndTheOthersGoOn() {
    Recording actions = new Recording();
    actions.failOn = "older";

    RetentionJob.Outcome outcome = new RetentionJob(RetentionPolicy.defaults(), actions, CLOCK, PARIS).run(cases());

    assertThat(outcome.failed()).containsExactly("older");
    assertThat(outcome.erased()).containsExactly("old");
    assertThat(actions.published).extracting(CaseEvent::getCaseId).containsExactly("old");
  }

  @Test
  void aCorrectionIsActivityAndAnErasedCaseStaysErasedWhateverCorrectsItsEvents() {
    CaseEvents followed = CaseEvents.of("followed", "a1").opened(LocalDate.of(2024, 1, 1), "93", LocalDate.of(2024, 6, 1))
        .blockage(LocalDate.of(2024, 2, 1), BlockageKind.ACCOUNT_LOCKED);
    followed.withdrawing(followed.last(), LocalDate.of(2025, 3, 1));
    CaseEvents erased = CaseEvents.of("erased", "a1").opened(LocalDate.of(2023, 1, 1), "93", LocalDate.of(2023, 6, 1))
        .blockage(LocalDate.of(2023, 2, 1), BlockageKind.ACCOUNT_LOCKED);
    CaseEvent blockage = erased.last();
    erased.erased(LocalDate.of(2025, 1, 1)).withdrawing(blockage, LocalDate.of(2025, 2, 1));
    ActivityTracker tracker = new ActivityTracker(PARIS);
    followed.events().forEach(tracker);
    erased.events().forEach(tracker);

    assertThat(tracker.cases()).containsExactlyInAnyOrder(
        new CaseActivity("followed", "a1", LocalDate.of(2025, 3, 1), false),
        new CaseActivity("erased", "a1", LocalDate.of(2025, 2, 1), true));
    Recording actions = new Recording();
    RetentionJob.Outcome outcome = new RetentionJob(RetentionPolicy.defaults(), actions, CLOCK, PARIS).run(tracker.cases());
    assertThat(outcome.erased()).as("corrected on 1 March 2025: still within two years").isEmpty();
    assertThat(actions.calls).isEmpty();
  }

  @Test
  void aRetriedErasurePublishesTheSameEventId() {
    assertThat(RetentionJob.erasureEventId("c1")).isEqualTo(RetentionJob.erasureEventId("c1"))
        .isNotEqualTo(RetentionJob.erasureEventId("c2"));
  }
}
