package org.vigie.rules.engine;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.vigie.rules.rule.Condition;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * A compound case is more urgent: a blockage open while the permit or API lapses within
 * {@code BLOCKAGE_UNRESOLVED.compoundLapseDays} (30 days by default) makes the permit, API and
 * blockage alerts HIGH at least (DOMAIN.md).
 */
final class CompoundSeverity {
  static final Set<RuleId> BUMPED = EnumSet.of(RuleId.RENEWAL_DEADLINE, RuleId.PERMIT_EXPIRED_WITHOUT_API,
      RuleId.API_EXPIRING, RuleId.API_EXPIRED, RuleId.API_NOT_ISSUED, RuleId.BLOCKAGE_UNRESOLVED);

  private CompoundSeverity() {}

  private static int window(RuleSettings settings) {
    return settings.threshold(RuleId.BLOCKAGE_UNRESOLVED, "compoundLapseDays");
  }

  static boolean applies(CaseView view, RuleSettings settings) {
    if (view.openBlockages().isEmpty()) {
      return false;
    }
    Optional<LocalDate> lapse = view.nextLapse(0);
    return lapse.isPresent() && !lapse.get().isAfter(view.today().plusDays(window(settings)));
  }

  static Condition bump(Condition condition) {
    if (BUMPED.contains(condition.rule()) && condition.severity().compareTo(Severity.HIGH) < 0) {
      return condition.withSeverity(Severity.HIGH);
    }
    return condition;
  }

  /** The day the compound window opens, when a lapse is known. */
  static Optional<LocalDate> boundary(CaseView view, RuleSettings settings) {
    return view.nextLapse(0).map(lapse -> lapse.minusDays(window(settings)));
  }
}
