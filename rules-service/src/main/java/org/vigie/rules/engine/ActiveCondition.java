package org.vigie.rules.engine;

import java.time.LocalDate;
import java.util.Objects;
import org.vigie.rules.rule.Condition;
import org.vigie.rules.rule.Rule;

/**
 * A condition holding on a case, with the rule's provenance. Its alert id (a name-based UUID, an MD5 digest) is
 * computed only when it raises a new alert: most evaluations find the alert already open and compare episodes only.
 */
public final class ActiveCondition {
  private final String caseId;
  private final Rule rule;
  private final Condition condition;

  private ActiveCondition(String caseId, Rule rule, Condition condition) {
    this.caseId = caseId;
    this.rule = rule;
    this.condition = condition;
  }

  static ActiveCondition of(String caseId, Rule rule, Condition condition) {
    return new ActiveCondition(caseId, rule, condition);
  }

  /**
   * The id of the alert this condition raises after {@code resolvedBefore} alerts of its rule and episode start were
   * resolved on the case.
   */
  public String alertId(int resolvedBefore) {
    return AlertIds.of(caseId, rule.id(), condition.episodeStart(), resolvedBefore);
  }

  public Condition condition() {
    return condition;
  }

  public String reference() {
    return rule.reference();
  }

  public LocalDate textVersionDate() {
    return rule.textVersionDate();
  }

  public String ruleVersion() {
    return rule.version();
  }

  /** Whether an open alert belongs to this condition's episode (hence has its alert id). */
  boolean sameEpisode(LocalDate openEpisodeStart) {
    return condition.episodeStart().equals(openEpisodeStart);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActiveCondition a && caseId.equals(a.caseId) && rule.id() == a.rule.id()
        && condition.equals(a.condition);
  }

  @Override
  public int hashCode() {
    return Objects.hash(caseId, rule.id(), condition);
  }

  @Override
  public String toString() {
    return condition + " on " + caseId;
  }
}
