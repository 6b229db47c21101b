package org.vigie.intake.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.rule.Rule;

class SettingsCatalogueTest {
  private final SettingsCatalogue catalogue = new SettingsCatalogue(RuleEngine.standard());

  @Test
  void everyThresholdOfTheRulesIsSettableWithinARangeHoldingItsDefault() {
    int count = 0;
    for (Rule rule : catalogue.rules()) {
      for (SettingsCatalogue.Threshold t : catalogue.thresholds(rule)) {
        assertThat(t.name()).as("a threshold counts days, months or attempts").matches(".*(Days|Months.*|Attempts)");
        assertThat(t.defaultValue()).as(t.key()).isBetween(t.min(), t.max());
        assertThat(catalogue.threshold(t.key())).contains(t);
        count++;
      }
    }
    assertThat(count).isEqualTo(RuleEngine.standard().defaults().thresholds().size());
    assertThat(catalogue.threshold("RENEWAL_DEADLINE.nope")).isEmpty();
    assertThat(catalogue.threshold("IMPLICIT_REJECTION.silenceMonths").orElseThrow().max()).isEqualTo(120);
    assertThat(catalogue.threshold("APPEAL_DEADLINE.appealMonthsWithoutRoutes").orElseThrow().max()).isEqualTo(120);
  }
}
