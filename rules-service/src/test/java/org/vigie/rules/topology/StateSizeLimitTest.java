package org.vigie.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.vigie.rules.Events;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.RuleId;

/**
 * A case whose state would outgrow the stored limit: the event that would do it goes to the
 * dead-letter queue, the case keeps its last state, and the other cases go on.
 */
class StateSizeLimitTest {
  private static final int LIMIT = 2_000;

  @Test
  void anEventThatWouldMakeAStateTooLargeGoesToTheDeadLetterQueue() {
    LocalDate today = RulesDriver.today0();
    RulesConfig config = RulesDriver.config().withMaxStateBytes(LIMIT);
    try (RulesDriver driver = new RulesDriver(config)) {
      KeyValueStore<String, CaseState> states = driver.driver.getKeyValueStore(StoreNames.CASE_STATE);
      CaseStateSerde serde = new CaseStateSerde();
      Events big = new Events("case-big");
      driver.record(big.opened(today.minusDays(200), today.plusDays(300)));
      // each attempt adds a fact of some 45 bytes: record them until one is refused
      int attempts = 0;
      while (driver.dlq.isEmpty() && attempts < 200) {
        driver.record(big.ccc(today.minusDays(100 - attempts % 100), CccOutcome.NO_ANSWER));
        attempts++;
      }
      assertThat(driver.dlq.readRecordsToList()).singleElement()
          .satisfies(r -> assertThat(new String(r.key())).isEqualTo("case-big"));
      CaseState kept = states.get("case-big");
      assertThat(kept.getCccAttempts()).hasSize(attempts - 1);
      assertThat(serde.serialize("t", kept).length).isLessThanOrEqualTo(LIMIT);

      // the next event of that case is refused too, with its state unchanged; other cases go on
      driver.record(big.ccc(today, CccOutcome.NO_ANSWER));
      assertThat(driver.dlq.readRecordsToList()).hasSize(1);
      assertThat(states.get("case-big").getCccAttempts()).hasSize(attempts - 1);
      driver.newAlerts();
      driver.record(new Events("case-small").opened(today, today.plusDays(100)));
      assertThat(driver.newAlerts()).extracting(CaseAlert::getCaseId, CaseAlert::getRule)
          .containsExactly(tuple("case-small", RuleId.RENEWAL_WINDOW_OPEN));
    }
  }

  @Test
  void theDefaultLimitLeavesRoomUnderTheProducersRequestLimit() {
    assertThat(RulesConfig.defaults().maxStateBytes()).isEqualTo(CaseStateSerde.DEFAULT_MAX_BYTES);
    // the producer's default max.request.size (1 MB) bounds a changelog record: key, value and headers
    assertThat(CaseStateSerde.DEFAULT_MAX_BYTES).isLessThanOrEqualTo(1024 * 1024 - 64 * 1024);
  }
}
