package org.vigie.rules;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.vigie.rules.engine.ActiveCondition;
import org.vigie.rules.engine.Evaluation;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.rule.Condition;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.RuleId;

/** Folds events and evaluates the standard engine: the test harness of the pure rules. */
public final class Scenario {
  public static final RuleEngine ENGINE = RuleEngine.standard();
  private final CaseFold fold = new CaseFold();
  private CaseState state;
  private RuleSettings settings = ENGINE.defaults();

  public static Scenario of(CaseEvent... events) {
    Scenario s = new Scenario();
    for (CaseEvent e : events) {
      s.record(e);
    }
    return s;
  }

  public Scenario record(CaseEvent event) {
    state = fold.apply(state, event);
    return this;
  }

  public Scenario settings(RuleSettings settings) {
    this.settings = settings;
    return this;
  }

  public CaseState state() {
    return state;
  }

  public Evaluation on(LocalDate today) {
    return ENGINE.evaluate(state, today, settings);
  }

  /** Active conditions on a day, by rule. */
  public Map<RuleId, Condition> conditions(LocalDate today) {
    Map<RuleId, Condition> map = new TreeMap<>();
    for (ActiveCondition c : on(today).conditions()) {
      map.put(c.condition().rule(), c.condition());
    }
    return map;
  }

  public Condition condition(RuleId rule, LocalDate today) {
    return conditions(today).get(rule);
  }
}
