package org.vigie.intake.settings;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.rule.Rule;
import org.vigie.schemas.RuleId;

/**
 * What an association may set: the rules of the live engine, and each threshold with its default
 * and the range the API accepts. The rules-service ignores an unknown key or a negative value;
 * the API refuses them, so that what a coordinator saves is what the rules apply.
 */
public final class SettingsCatalogue {
  private static final int MAX_DAYS = 3650;
  private static final int MAX_MONTHS = 120;
  private static final int MAX_ATTEMPTS = 100;

  /** A threshold of a rule: {@code key} is "RULE_ID.name", as in {@code AssociationSettings.thresholds}. */
  public record Threshold(RuleId rule, String name, int defaultValue, int min, int max) {
    public String key() {
      return RuleSettings.key(rule, name);
    }
  }

  private final List<Rule> rules;
  private final Map<RuleId, List<Threshold>> byRule = new EnumMap<>(RuleId.class);
  private final Map<String, Threshold> byKey = new HashMap<>();

  public SettingsCatalogue(RuleEngine engine) {
    this.rules = engine.rules();
    for (Rule rule : rules) {
      List<Threshold> ofRule = rule.defaultThresholds().entrySet().stream().map(e -> threshold(rule.id(), e)).toList();
      byRule.put(rule.id(), ofRule);
      ofRule.forEach(t -> byKey.put(t.key(), t));
    }
  }

  public List<Rule> rules() {
    return rules;
  }

  /** A rule's thresholds, in catalogue order. */
  public List<Threshold> thresholds(Rule rule) {
    return byRule.getOrDefault(rule.id(), List.of());
  }

  /** The threshold of a key, or empty when no rule has it. */
  public Optional<Threshold> threshold(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  private static Threshold threshold(RuleId rule, Map.Entry<String, Integer> entry) {
    String name = entry.getKey();
    if (name.contains("Months")) {
      return new Threshold(rule, name, entry.getValue(), 0, MAX_MONTHS);
    }
    if (name.endsWith("Attempts")) {
      return new Threshold(rule, name, entry.getValue(), 1, MAX_ATTEMPTS);
    }
    return new Threshold(rule, name, entry.getValue(), 0, MAX_DAYS);
  }
}
