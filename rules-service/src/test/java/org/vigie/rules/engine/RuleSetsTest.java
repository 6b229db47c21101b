package org.vigie.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigie.rules.rule.Rule;
import org.vigie.rules.rule.RuleSets;
import org.vigie.schemas.RuleId;

class RuleSetsTest {
  @Test
  void theCurrentSetIsTheOneTheServiceRuns() {
    assertThat(RuleSets.names()).contains(RuleSets.CURRENT);
    assertThat(RuleEngine.named(RuleSets.CURRENT).rules()).extracting(Rule::id)
        .containsExactlyElementsOf(RuleEngine.standard().rules().stream().map(Rule::id).toList());
  }

  @Test
  void theFirstSetHasEveryRuleAtVersionOne() {
    assertThat(RuleEngine.named(RuleSets.V1).rules()).hasSize(13).allSatisfy(r -> assertThat(r.version()).isEqualTo("1"));
  }

  @Test
  void theSecondSetChangesTheAppealDeadlineOnly() {
    assertThat(RuleEngine.named(RuleSets.V2).rules()).hasSize(13)
        .allSatisfy(r -> assertThat(r.version()).isEqualTo(r.id() == RuleId.APPEAL_DEADLINE ? "2" : "1"));
    assertThat(RuleEngine.named(RuleSets.V2).rulesVersion()).contains("APPEAL_DEADLINE@2").startsWith("RENEWAL_WINDOW_OPEN@1,")
        .isNotEqualTo(RuleEngine.named(RuleSets.V1).rulesVersion());
  }

  @Test
  void theThirdSetChangesTheAppealDeadlineAgain() {
    assertThat(RuleEngine.named(RuleSets.V3).rules()).hasSize(13)
        .allSatisfy(r -> assertThat(r.version()).isEqualTo(r.id() == RuleId.APPEAL_DEADLINE ? "3" : "1"));
    assertThat(RuleEngine.named(RuleSets.V3).rulesVersion()).contains("APPEAL_DEADLINE@3")
        .isNotEqualTo(RuleEngine.named(RuleSets.V2).rulesVersion());
  }

  @Test
  void theFourthSetChangesTheImplicitRejection() {
    assertThat(RuleEngine.named(RuleSets.V4).rules()).hasSize(13)
        .allSatisfy(r -> assertThat(r.version()).isEqualTo(
            r.id() == RuleId.APPEAL_DEADLINE ? "3" : r.id() == RuleId.IMPLICIT_REJECTION ? "2" : "1"));
    assertThat(RuleEngine.named(RuleSets.V4).rulesVersion()).contains("IMPLICIT_REJECTION@2,APPEAL_DEADLINE@3")
        .isNotEqualTo(RuleEngine.named(RuleSets.V3).rulesVersion());
  }

  @Test
  void theFifthSetChangesTheAppealDeadline() {
    assertThat(RuleEngine.named(RuleSets.V5).rules()).hasSize(13)
        .allSatisfy(r -> assertThat(r.version()).isEqualTo(
            r.id() == RuleId.APPEAL_DEADLINE ? "4" : r.id() == RuleId.IMPLICIT_REJECTION ? "2" : "1"));
    assertThat(RuleEngine.named(RuleSets.V5).rulesVersion()).contains("IMPLICIT_REJECTION@2,APPEAL_DEADLINE@4")
        .isNotEqualTo(RuleEngine.named(RuleSets.V4).rulesVersion());
  }

  @Test
  void theSixthSetTimesAnOqtfByItsTerms() {
    assertThat(RuleEngine.named(RuleSets.V6).rules()).hasSize(13)
        .allSatisfy(r -> assertThat(r.version()).isEqualTo(
            r.id() == RuleId.APPEAL_DEADLINE ? "5" : r.id() == RuleId.IMPLICIT_REJECTION ? "2" : "1"));
    assertThat(RuleEngine.named(RuleSets.V6).rulesVersion()).contains("IMPLICIT_REJECTION@2,APPEAL_DEADLINE@5")
        .isNotEqualTo(RuleEngine.named(RuleSets.V5).rulesVersion());
    assertThat(RuleEngine.named(RuleSets.V6).defaults().thresholds())
        .containsEntry("APPEAL_DEADLINE.oqtfShortAppealDays", 7).containsEntry("APPEAL_DEADLINE.oqtfRetentionAppealDays", 2)
        .doesNotContainKey("APPEAL_DEADLINE.lateRecordDays");
  }

  @Test
  void theSeventhSetTellsARefusalRecordedLate() {
    assertThat(RuleEngine.named(RuleSets.V7).rules()).hasSize(13)
        .allSatisfy(r -> assertThat(r.version()).isEqualTo(
            r.id() == RuleId.APPEAL_DEADLINE ? "6" : r.id() == RuleId.IMPLICIT_REJECTION ? "2" : "1"));
    assertThat(RuleEngine.named(RuleSets.V7).rulesVersion()).contains("IMPLICIT_REJECTION@2,APPEAL_DEADLINE@6")
        .isNotEqualTo(RuleEngine.named(RuleSets.V6).rulesVersion());
    assertThat(RuleEngine.named(RuleSets.V7).defaults().thresholds()).containsEntry("APPEAL_DEADLINE.lateRecordDays", 7);
  }

  @Test
  void theEighthSetSaysAnImplicitRejectionBecameFinalAndIsTheCurrentOne() {
    assertThat(RuleEngine.named(RuleSets.V8).rules()).hasSize(13)
        .allSatisfy(r -> assertThat(r.version()).isEqualTo(
            r.id() == RuleId.APPEAL_DEADLINE ? "6" : r.id() == RuleId.IMPLICIT_REJECTION ? "3" : "1"));
    assertThat(RuleSets.CURRENT).isEqualTo(RuleSets.V8);
    assertThat(RuleEngine.named(RuleSets.V8).rulesVersion()).contains("IMPLICIT_REJECTION@3,APPEAL_DEADLINE@6")
        .isNotEqualTo(RuleEngine.named(RuleSets.V7).rulesVersion()).isEqualTo(RuleEngine.standard().rulesVersion());
    assertThat(RuleEngine.standard().defaults().thresholds()).containsEntry("APPEAL_DEADLINE.oqtfShortAppealDays", 7)
        .containsEntry("APPEAL_DEADLINE.oqtfRetentionAppealDays", 2).containsEntry("APPEAL_DEADLINE.lateRecordDays", 7)
        .as("no threshold of its own: it counts the time as APPEAL_DEADLINE does")
        .isEqualTo(RuleEngine.named(RuleSets.V7).defaults().thresholds());
  }

  @Test
  void anUnknownVersionNamesTheKnownOnes() {
    assertThatThrownBy(() -> RuleEngine.named("v0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v0").hasMessageContaining("v1").hasMessageContaining("v7");
  }
}
