package org.vigie.schemas.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

class AlertResolutionsTest {
  private static CaseAlert.Builder alert(AlertStatus status) {
    return CaseAlert.newBuilder().setAlertId("a").setCaseId("c").setAssociationId("asso").setRule(RuleId.API_EXPIRED)
        .setSeverity(Severity.CRITICAL).setStatus(status).setEpisodeStart(LocalDate.of(2026, 10, 1))
        .setRaisedAt(Instant.EPOCH).setEmittedAt(Instant.EPOCH).setReference("CESEDA R.431-15-1")
        .setTextVersionDate(LocalDate.of(2021, 5, 1)).setRuleVersion("1").setMessage(new AlertMessage("", ""));
  }

  @Test
  void aRecordSaysWhyOrAnOlderOneWhetherItLapsed() {
    assertThat(AlertResolutions.of(alert(AlertStatus.RAISED).build())).isNull();
    assertThat(AlertResolutions.of(alert(AlertStatus.RESOLVED).setResolution(Resolution.REQUEST_REFUSED).build()))
        .isEqualTo(Resolution.REQUEST_REFUSED);
    assertThat(AlertResolutions.of(alert(AlertStatus.RESOLVED).build())).isEqualTo(Resolution.SITUATION_ENDED);
    assertThat(AlertResolutions.of(alert(AlertStatus.RESOLVED).setLapsed(true).build()))
        .isEqualTo(Resolution.DEADLINE_PASSED);
  }

  @Test
  void onlyASituationEndedOrADeadlinePassedIsNotClosedOtherwise() {
    assertThat(java.util.Arrays.stream(Resolution.values()).filter(AlertResolutions::closedOtherwise))
        .containsExactlyInAnyOrder(Resolution.REQUEST_REFUSED, Resolution.APPEAL_FILED, Resolution.CASE_CLOSED,
            Resolution.RULE_DISABLED, Resolution.FACT_CORRECTED);
  }
}
