package org.vigie.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigie.rules.Events;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.rule.Condition;
import org.vigie.rules.rule.Rule;
import org.vigie.rules.rule.RuleDoc;
import org.vigie.rules.rule.Rules;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;

/** A case whose evaluation fails on a wall-clock tick does not hold back the other cases of the tick. */
class TickFailureTest {

  @Test
  void aCaseThatFailsOnATickIsSkippedAndTheOthersGetTheirAlerts() {
    LocalDate today = RulesDriver.today0();
    LocalDate expiry = today.plusDays(130);
    RuleEngine engine = new RuleEngine(withFailure(Rules.all(), "case-bad", today.plusDays(5)));
    RulesConfig config = RulesDriver.config().withEngine(engine);
    try (RulesDriver driver = new RulesDriver(config)) {
      // both cases are due when the renewal window opens, 120 days before the expiry; the bad case
      // sorts first in the deadline index (same due time, case id order)
      driver.record(new Events("case-bad").opened(today.minusDays(1), expiry));
      driver.record(new Events("case-good").opened(today.minusDays(1), expiry));
      assertThat(driver.newAlerts()).isEmpty();

      driver.advanceDays(10);
      List<CaseAlert> alerts = driver.newAlerts();
      assertThat(alerts).extracting(CaseAlert::getCaseId, CaseAlert::getRule, CaseAlert::getStatus)
          .containsExactly(tuple("case-good", RuleId.RENEWAL_WINDOW_OPEN, AlertStatus.RAISED));
    }
  }

  @Test
  void aCaseThatFailsInASettingsSweepDoesNotStopTheSweep() {
    LocalDate today = RulesDriver.today0();
    RuleEngine engine = new RuleEngine(withFailure(Rules.all(), "case-bad", today.plusDays(1)));
    RulesConfig config = RulesDriver.config().withEngine(engine);
    try (RulesDriver driver = new RulesDriver(config)) {
      // both renewal windows are open from the start; the bad case comes first in the association's index
      driver.record(new Events("case-bad").opened(today, today.plusDays(100)));
      driver.record(new Events("case-good").opened(today, today.plusDays(100)));
      assertThat(driver.newAlerts()).hasSize(2);

      driver.advanceDays(1);
      driver.settings.pipeInput(Events.ASSOCIATION, AssociationSettings.newBuilder().setAssociationId(Events.ASSOCIATION)
          .setDisabledRules(List.of(RuleId.RENEWAL_WINDOW_OPEN)).setUpdatedAt(driver.now()).build());
      driver.advanceDays(1);
      assertThat(driver.newAlerts()).extracting(CaseAlert::getCaseId, CaseAlert::getRule, CaseAlert::getStatus)
          .containsExactly(tuple("case-good", RuleId.RENEWAL_WINDOW_OPEN, AlertStatus.RESOLVED));
    }
  }

  /** The rules, the last of which throws for one case from a day on. */
  private static List<Rule> withFailure(List<Rule> rules, String caseId, LocalDate from) {
    List<Rule> out = new ArrayList<>(rules);
    int last = out.size() - 1;
    Rule wrapped = out.get(last);
    out.set(last, new Rule() {
      // delegated as they are
      @Override public RuleId id() { return wrapped.id(); }
      @Override public String reference() { return wrapped.reference(); }
      @Override public LocalDate textVersionDate() { return wrapped.textVersionDate(); }
      @Override public String version() { return wrapped.version(); }
      @Override public Map<String, Integer> defaultThresholds() { return wrapped.defaultThresholds(); }
      @Override public RuleDoc doc() { return wrapped.doc(); }

      @Override
      public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
        return wrapped.boundaries(view, settings);
      }

      @Override
      public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
        if (view.caseId().equals(caseId) && !view.today().isBefore(from)) {
          throw new IllegalStateException("a rule failing for " + caseId);
        }
        return wrapped.evaluate(view, settings);
      }
    });
    return out;
  }
}
