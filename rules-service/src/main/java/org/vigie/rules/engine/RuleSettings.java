package org.vigie.rules.engine;

import java.util.Collections;
import java.util.EnumSet;
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
  // Per rule (by ordinal), its threshold names and values: a rule has a few, asked for by literal names
  // on every evaluation, so a scan by identity then equality beats hashing.
  private final String[][] names = new String[RuleId.values().length][0];
  private final int[][] values = new int[RuleId.values().length][0];
  private final Set<RuleId> disabled;

  private RuleSettings(Map<String, Integer> thresholds, Set<RuleId> disabled) {
    this.thresholds = Collections.unmodifiableMap(thresholds);
    this.disabled = Collections.unmodifiableSet(disabled);
    thresholds.forEach((key, value) -> {
      int dot = key.indexOf('.');
      int rule = RuleId.valueOf(key.substring(0, dot)).ordinal();
      int n = names[rule].length;
      names[rule] = java.util.Arrays.copyOf(names[rule], n + 1);
      values[rule] = java.util.Arrays.copyOf(values[rule], n + 1);
      names[rule][n] = key.substring(dot + 1).intern();
      values[rule][n] = value;
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
    String[] ofRule = names[rule.ordinal()];
    for (int i = 0; i < ofRule.length; i++) {
      if (ofRule[i] == name) {
        return values[rule.ordinal()][i];
      }
    }
    for (int i = 0; i < ofRule.length; i++) {
      if (ofRule[i].equals(name)) {
        return values[rule.ordinal()][i];
      }
    }
    throw new IllegalArgumentException("No threshold " + key(rule, name));
  }

  public boolean enabled(RuleId rule) {
    return !disabled.contains(rule);
  }

  public Map<String, Integer> thresholds() {
    return thresholds;
  }
}
