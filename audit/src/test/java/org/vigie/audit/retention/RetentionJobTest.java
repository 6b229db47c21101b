package org.vigie.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
  void aRetriedErasurePublishesTheSameEventId() {
    assertThat(RetentionJob.erasureEventId("c1")).isEqualTo(RetentionJob.erasureEventId("c1"))
        .isNotEqualTo(RetentionJob.erasureEventId("c2"));
  }
}
