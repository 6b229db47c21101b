package org.vigie.rules.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rule sets by version name, so that an audit can replay the log with the rules in force at
 * an earlier time (a court asks what Vigie knew then, not what it knows now). A set is frozen once
 * published: a rule whose condition changes gets a new class and version, the previous class stays
 * in the earlier set, and a new set is registered here as the current one.
 */
public final class RuleSets {
  /** The first published set: every rule of DOMAIN.md at version "1". */
  public static final String V1 = "v1";
  /** The set the rules-service runs. */
  public static final String CURRENT = V1;

  private static final Map<String, Supplier<List<Rule>>> SETS = sets();

  private RuleSets() {}

  private static Map<String, Supplier<List<Rule>>> sets() {
    Map<String, Supplier<List<Rule>>> sets = new LinkedHashMap<>();
    sets.put(V1, Rules::all);
    return sets;
  }

  /** The version names, oldest first. */
  public static Set<String> names() {
    return SETS.keySet();
  }

  /** The rules of a named set; an unknown name is an error naming the known ones. */
  public static List<Rule> named(String name) {
    Supplier<List<Rule>> set = SETS.get(name);
    if (set == null) {
      throw new IllegalArgumentException("Unknown rules version '" + name + "'; known versions: " + String.join(", ", names()));
    }
    return set.get();
  }
}
