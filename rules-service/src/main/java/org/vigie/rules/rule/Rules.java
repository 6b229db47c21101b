package org.vigie.rules.rule;

import java.util.List;

/** Every rule of DOMAIN.md, in the order of the RuleId enum. */
public final class Rules {
  private Rules() {}

  /** The current rules (the set {@link RuleSets#CURRENT}). */
  public static List<Rule> all() {
    return set(new ImplicitRejectionV3(), new AppealDeadlineV6());
  }

  /** The set {@link RuleSets#V7}: IMPLICIT_REJECTION told to contest the rejection after the time to do so ended. */
  static List<Rule> v7() {
    return set(new ImplicitRejectionV2(), new AppealDeadlineV6());
  }

  /** The set {@link RuleSets#V6}: a refusal recorded after its time to contest ended raised nothing. */
  static List<Rule> v6() {
    return set(new ImplicitRejectionV2(), new AppealDeadlineV5());
  }

  /** The set {@link RuleSets#V5}: every OQTF's time counted as 30 days when the decision's last day was not recorded. */
  static List<Rule> v5() {
    return set(new ImplicitRejectionV2(), new AppealDeadlineV4());
  }

  /** The set {@link RuleSets#V4}: an appeal to the prefecture left the time to appeal as it was. */
  static List<Rule> v4() {
    return set(new ImplicitRejectionV2(), new AppealDeadlineV3());
  }

  /** The set {@link RuleSets#V3}: IMPLICIT_REJECTION open until a decision whatever was filed. */
  static List<Rule> v3() {
    return set(new ImplicitRejection(), new AppealDeadlineV3());
  }

  /** The set {@link RuleSets#V2}: APPEAL_DEADLINE after refusals too, open until its deadline whatever was filed. */
  static List<Rule> v2() {
    return set(new ImplicitRejection(), new AppealDeadlineV2());
  }

  /** The first published set, {@link RuleSets#V1}: APPEAL_DEADLINE watched implicit rejections only. */
  static List<Rule> v1() {
    return set(new ImplicitRejection(), new AppealDeadline());
  }

  /** The thirteen rules with the given versions of the two that changed between sets (the others are at version 1). */
  private static List<Rule> set(Rule implicitRejection, Rule appealDeadline) {
    return List.of(new RenewalWindowOpen(), new RenewalDeadline(), new PermitExpiredWithoutApi(), new ApiExpiring(),
        new ApiExpired(), new ApiNotIssued(), implicitRejection, appealDeadline, new BlockageUnresolved(),
        new CccUnanswered(), new EmploymentAtRisk(), new BenefitsAtRisk(), new HealthCoverClosing());
  }
}
