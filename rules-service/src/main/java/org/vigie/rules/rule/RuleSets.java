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
  /** APPEAL_DEADLINE at version "2" (explicit refusals, with or without an OQTF, as well as implicit rejections). */
  public static final String V2 = "v2";
  /** APPEAL_DEADLINE at version "3" (its time ends once the rejection is contested before the court). */
  public static final String V3 = "v3";
  /** IMPLICIT_REJECTION at version "2" (it ends once the rejection is contested before the court, as APPEAL_DEADLINE 3). */
  public static final String V4 = "v4";
  /** APPEAL_DEADLINE at version "4" (an appeal to the prefecture within the time interrupts it, except with an OQTF). */
  public static final String V5 = "v5";
  /** APPEAL_DEADLINE at version "5" (a refusal with an OQTF timed by the terms its notification states). */
  public static final String V6 = "v6";
  /** APPEAL_DEADLINE at version "6" (a refusal recorded after its time to contest ended is told). */
  public static final String V7 = "v7";
  /** IMPLICIT_REJECTION at version "3" (once the time to contest it ended, it says the rejection became final). */
  public static final String V8 = "v8";
  /** The set the rules-service runs. */
  public static final String CURRENT = V8;

  private static final Map<String, Supplier<List<Rule>>> SETS = sets();
  private static final Map<String, String> CHANGES = Map.of(
      V1, "Every rule of DOMAIN.md at version 1.",
      V2, "`APPEAL_DEADLINE` version 2: an explicit refusal opens it too, for two months, or 30 days with an OQTF "
          + "(version 1 watched implicit rejections only).",
      V3, "`APPEAL_DEADLINE` version 3: its time ends once an annulment action or a référé-suspension is filed "
          + "(the event `APPEAL_FILED`); version 2 kept it open until the deadline whatever was filed.",
      V4, "`IMPLICIT_REJECTION` version 2: once the rejection arose, it ends when an annulment action or a "
          + "référé-suspension is filed, as `APPEAL_DEADLINE` version 3 does; version 1 kept it open until a decision, "
          + "telling the volunteer to seize the court after it was done.",
      V5, "`APPEAL_DEADLINE` version 4: an appeal to the prefecture (recours gracieux or hiérarchique) filed within a "
          + "two-month time to contest interrupts it (CRPA L.411-2): the deadline becomes the appeal's day + 2 months "
          + "(its implicit rejection) + 2 months, not with an OQTF; version 3 kept the first deadline and closed the "
          + "alert as lapsed.",
      V6, "`APPEAL_DEADLINE` version 5: a refusal with an OQTF is timed by the terms its notification states "
          + "(`oqtfTerms`): a voluntary departure period granted, 30 days (`oqtfAppealDays`, a month, CESEDA L.911-1); "
          + "none, or under house arrest or in prison, 7 days (`oqtfShortAppealDays`, L.921-1); in a retention centre, "
          + "2 days (`oqtfRetentionAppealDays`, 48 hours, L.921-2); version 4 counted 30 days for every OQTF whose "
          + "last day was not recorded.",
      V7, "`APPEAL_DEADLINE` version 6: a refusal recorded after its time to contest ended (a person who comes to the "
          + "help desk after the seven days or 48 hours of an OQTF) raises it on the day it is recorded, for "
          + "`lateRecordDays` (7), CRITICAL with an OQTF, HIGH otherwise, its deadline the day the time ended, "
          + "telling to check the notification (the day it was received, the appeal routes and times it states, CJA "
          + "R.421-5), unless recorded more than `appealMonthsWithoutRoutes` (12) months after it (the reasonable "
          + "time, CE 13 July 2016 n°387763); version 5 raised nothing (`DecisionFact.recordedOn`, CaseState "
          + "version 7).",
      V8, "`IMPLICIT_REJECTION` version 3: once the time to contest the rejection before the court has ended with no "
          + "appeal recorded (as `APPEAL_DEADLINE` counts it: `appealMonths` (2) after it, `appealMonthsWithoutRoutes` "
          + "(12) when the receipt lacked the appeal routes, or as interrupted by an appeal to the prefecture), the "
          + "alert stays HIGH, its deadline becomes that last day and its message says the rejection is final: a "
          + "lawyer or a legal help desk, most often a new request, the Défenseur des droits; version 2 kept telling "
          + "to seize the court and to ask for a référé-suspension.");

  private RuleSets() {}

  private static Map<String, Supplier<List<Rule>>> sets() {
    Map<String, Supplier<List<Rule>>> sets = new LinkedHashMap<>();
    sets.put(V1, Rules::v1);
    sets.put(V2, Rules::v2);
    sets.put(V3, Rules::v3);
    sets.put(V4, Rules::v4);
    sets.put(V5, Rules::v5);
    sets.put(V6, Rules::v6);
    sets.put(V7, Rules::v7);
    sets.put(V8, Rules::all);
    return sets;
  }

  /** The version names, oldest first. */
  public static Set<String> names() {
    return SETS.keySet();
  }

  /** What a set changed from the one before it, for the catalogue. */
  public static String changes(String name) {
    named(name);
    return CHANGES.get(name);
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
