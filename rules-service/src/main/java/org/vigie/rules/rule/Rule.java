package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.RuleId;

/**
 * One rights-rupture rule of DOMAIN.md: a pure function of a case as known on a day. Alerts are
 * help for a human, never a binding computation of a legal deadline.
 */
public interface Rule {
  RuleId id();

  /** Legal reference, e.g. "CESEDA R.431-5". */
  String reference();

  /** Date of the version of the text the rule encodes. */
  LocalDate textVersionDate();

  /** Version of this implementation; changes whenever its behaviour changes. */
  String version();

  /** Default thresholds by name (days or months, as the name says), in catalogue order. */
  Map<String, Integer> defaultThresholds();

  /** What the rule watches, for the catalogue. */
  RuleDoc doc();

  /** The condition holding on {@code view.today()}, if any. The view is of a watched case. */
  Optional<Condition> evaluate(CaseView view, RuleSettings settings);

  /**
   * Days on which {@link #evaluate}'s answer may change with no new event (dates of facts aside,
   * which the engine adds). Dates on or before today are ignored.
   */
  List<LocalDate> boundaries(CaseView view, RuleSettings settings);

  /**
   * Whether this rule's next steps change once the request is refused ({@link CaseView#refused()}): an open
   * alert of it is then emitted again, its id, severity and deadline kept, when an event records a refusal,
   * withdraws one or files a new request, so that the volunteer's list shows what to do now.
   */
  default boolean advisesOnRefusal() {
    return false;
  }

  /**
   * Whether this rule's next steps follow the implicit rejection of a request awaiting its decision ({@link
   * ImplicitRejectionV3#stage}): an open alert of it is then emitted again, its id, severity and deadline kept, on the
   * day the rejection arises and on the day its time to contest has ended, so that the volunteer's list shows what to
   * do now.
   */
  default boolean advisesOnRejection() {
    return false;
  }

  /**
   * The day of the appeal to the administrative court that ends an open alert of this rule (raised in the episode
   * started on {@code episodeStart}, with {@code deadline}), when one was filed on the case by {@code today}; empty for
   * a rule no appeal ends (without building a view of the case: this runs on every alert resolved). Says why an
   * alert was resolved ({@link org.vigie.schemas.Resolution#APPEAL_FILED}).
   */
  default Optional<LocalDate> appealEnding(CaseState state, LocalDate today, LocalDate episodeStart, LocalDate deadline) {
    return Optional.empty();
  }
}
