package org.vigie.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigie.schemas.RuleId;

class AlertIdsTest {
  @Test
  void anAlertIdIsTheNameBasedUuidOfCaseRuleAndEpisodeStart() {
    Random random = new Random(5);
    for (int i = 0; i < 2_000; i++) {
      String caseId = i % 3 == 0 ? "dossier-é-" + i : UUID.randomUUID().toString();
      RuleId rule = RuleId.values()[random.nextInt(RuleId.values().length)];
      LocalDate start = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(4_000));
      String expected = UUID.nameUUIDFromBytes((caseId + "|" + rule.name() + "|" + start)
          .getBytes(StandardCharsets.UTF_8)).toString();
      assertThat(AlertIds.of(caseId, rule, start)).isEqualTo(expected);
    }
  }

  @Test
  void theIdsOfOneCaseRuleAndDayDoNotChangeBetweenVersions() {
    // ids already emitted must stay the ones a replay derives
    assertThat(AlertIds.of("case-1", RuleId.RENEWAL_DEADLINE, LocalDate.of(2026, 9, 1)))
        .isEqualTo(UUID.nameUUIDFromBytes("case-1|RENEWAL_DEADLINE|2026-09-01".getBytes(StandardCharsets.UTF_8))
            .toString());
  }
}
