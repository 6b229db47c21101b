package org.vigie.rules.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.vigie.rules.rule.Rule;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.RuleId;

/**
 * Thresholds and enabled rules for one association: the rules' defaults (DOMAIN.md) overridden by
 * the association's {@link AssociationSettings}. Keys are "RULE_ID.name". Unknown keys and negative
 * values in the overrides are ignored, so a typo cannot break the rules of an association.
 */
public final class RuleSettings {
  private final Map<String, Integer> thresholds;
  private final Map<RuleId, Map<String, Integer>> byRule = new EnumMap<>(RuleId.class);
  private final Set<RuleId> disabled;

  private RuleSettings(Map<String, Integer> thresholds, Set<RuleId> disabled) {
    this.thresholds = Collections.unmodifiableMap(thresholds);
    this.disabled = Collections.unmodifiableSet(disabled);
    thresholds.forEach((key, value) -> {
      int dot = key.indexOf('.');
      byRule.computeIfAbsent(RuleId.valueOf(key.substring(0, dot)), r -> new HashMap<>())
          .put(key.substring(dot + 1).intern(), value); // interned: rules ask with literals, compared by identity first
    });
  }

  public static RuleSettings defaults(Iterable<Rule> rules) {
    Map<String, Integer> thresholds = new LinkedHashMap<>();
    for (Rule rule : rules) {
      rule.defaultThresholds().forEach((name, value) -> thresholds.put(key(rule.id(), name), value));
    }
    return new RuleSettings(thresholds, EnumSet.noneOf(RuleId.class));
  }

  /** These defaults with an association's overrides; null settings mean the defaults. */
  public RuleSettings with(AssociationSettings association) {
    if (association == null) {
      return this;
    }
    Map<String, Integer> merged = new LinkedHashMap<>(thresholds);
    association.getThresholds().forEach((key, value) -> {
      if (merged.containsKey(key) && value != null && value >= 0) {
        merged.put(key, value);
      }
    });
    Set<RuleId> off = EnumSet.noneOf(RuleId.class);
    off.addAll(association.getDisabledRules());
    return new RuleSettings(merged, off);
  }

  public static String key(RuleId rule, String name) {
    return rule.name() + "." + name;
  }

  public int threshold(RuleId rule, String name) {
    Map<String, Integer> ofRule = byRule.get(rule);
    Integer value = ofRule == null ? null : ofRule.get(name);
    if (value == null) {
      throw new IllegalArgumentException("No threshold " + key(rule, name));
    }
    return value;
  }

  public boolean enabled(RuleId rule) {
    return !disabled.contains(rule);
  }

  public Map<String, Integer> thresholds() {
    return thresholds;
  }
}
