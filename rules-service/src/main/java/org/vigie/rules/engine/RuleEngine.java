package org.vigie.rules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.rule.Condition;
import org.vigie.rules.rule.Rule;
import org.vigie.rules.rule.RuleSets;
import org.vigie.rules.rule.Rules;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.CaseState;

/**
 * Evaluates every enabled rule on a case for a day. Pure and free of Kafka: the topology and the
 * audit replay both call it. A closed or erased case raises nothing.
 */
public final class RuleEngine {
  private final List<Rule> rules;
  private final RuleSettings defaults;

  public RuleEngine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.defaults = RuleSettings.defaults(this.rules);
  }

  public static RuleEngine standard() {
    return new RuleEngine(Rules.all());
  }

  /** The engine of a named rule set (see {@link RuleSets}); an unknown name is an IllegalArgumentException. */
  public static RuleEngine named(String version) {
    return new RuleEngine(RuleSets.named(version));
  }

  public List<Rule> rules() {
    return rules;
  }

  public RuleSettings defaults() {
    return defaults;
  }

  /**
   * The rules in force, each by id and version ("RENEWAL_WINDOW_OPEN@1,…,APPEAL_DEADLINE@2,…"): the rules service
   * evaluates its stored cases again when it changes.
   */
  public String rulesVersion() {
    StringBuilder version = new StringBuilder();
    for (Rule rule : rules) {
      version.append(version.length() == 0 ? "" : ",").append(rule.id()).append('@').append(rule.version());
    }
    return version.toString();
  }

  public Evaluation evaluate(CaseState state, LocalDate today, RuleSettings settings) {
    CaseView view = CaseView.of(state, today);
    if (!view.watched()) {
      return Evaluation.NOTHING;
    }
    CaseView.NextDay changes = new CaseView.NextDay(today);
    view.nextFactDate().ifPresent(changes::offer);
    boolean compound = CompoundSeverity.applies(view, settings);
    CompoundSeverity.boundary(view, settings).ifPresent(changes::offer);
    List<ActiveCondition> active = new ArrayList<>();
    // plain loops: this runs for every rule on every event, and lambdas here allocated on each
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      if (!settings.enabled(rule.id())) {
        continue;
      }
      Optional<Condition> condition = rule.evaluate(view, settings);
      if (condition.isPresent()) {
        Condition c = compound ? CompoundSeverity.bump(condition.get()) : condition.get();
        active.add(ActiveCondition.of(state.getCaseId(), rule, c));
      }
      List<LocalDate> boundaries = rule.boundaries(view, settings);
      for (int b = 0; b < boundaries.size(); b++) {
        changes.offer(boundaries.get(b));
      }
    }
    return new Evaluation(active.isEmpty() ? List.of() : List.copyOf(active), changes.result());
  }
}
