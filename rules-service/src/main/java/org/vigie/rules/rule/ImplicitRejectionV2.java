package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.CaseState;

/**
 * Version 2 of IMPLICIT_REJECTION: timed as version 1 ({@link ImplicitRejection}), and once the rejection has
 * arisen, ended when it is contested before the administrative court: an annulment action, or a
 * référé-suspension (CJA L.521-1), filed on or after the day it arose (the API's {@code APPEAL_FILED}). Version
 * 1 kept the alert HIGH, telling the volunteer to seize the court, until the prefecture decided, while
 * APPEAL_DEADLINE (version 3) ended with the same appeal. Before the rejection arises nothing ends it but a
 * decision: a référé mesures utiles (L.521-3) asks for a measure, it does not make the prefecture decide, and
 * the silence still turns into a rejection on its day. An appeal to the prefecture does not end it either.
 * Once the rejection arose, the message says to record the appeal.
 */
public class ImplicitRejectionV2 extends ImplicitRejection {
  static final String CONDITION_V2 = "Complete submission with no decision; an API does not stop the clock. Once the "
      + "implicit rejection arose, ends when an annulment action or a référé-suspension is filed.";

  public ImplicitRejectionV2() {
    this("2", new RuleDoc(CONDITION_V2, TIMING, SEVERITY));
  }

  /** For a later version that tells more of the same condition. */
  ImplicitRejectionV2(String version, RuleDoc doc) {
    super(version, doc);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    // the deadline is the day the rejection arises: an appeal counts from then, and only once known (filed by today)
    Optional<Condition> c = super.evaluate(view, settings);
    if (c.isEmpty() || view.today().isBefore(c.get().deadline())) {
      return c;
    }
    return view.courtAppealFiledSince(c.get().deadline()) ? Optional.empty()
        : Optional.of(c.get().withMessage(Texts::withAppealToRecord));
  }

  /** Its deadline is the day the rejection arose: an appeal counts from then. */
  @Override
  public Optional<LocalDate> appealEnding(CaseState state, LocalDate today, LocalDate episodeStart, LocalDate deadline) {
    return deadline == null ? Optional.empty() : CaseView.of(state, today).courtAppealFiledOn(deadline);
  }
}
