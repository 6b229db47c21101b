package org.vigie.rules.engine;

import java.time.LocalDate;
import org.vigie.rules.rule.Condition;
import org.vigie.rules.rule.Rule;

/** A condition holding on a case, with its alert id and the rule's provenance. */
public record ActiveCondition(String alertId, Condition condition, String reference, LocalDate textVersionDate,
    String ruleVersion) {

  static ActiveCondition of(String caseId, Rule rule, Condition condition) {
    return new ActiveCondition(AlertIds.of(caseId, rule.id(), condition.episodeStart()), condition,
        rule.reference(), rule.textVersionDate(), rule.version());
  }
}
