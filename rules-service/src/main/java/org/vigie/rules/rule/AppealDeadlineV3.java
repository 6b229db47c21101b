package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.CaseState;

/**
 * Version 3 of APPEAL_DEADLINE: timed as version 2 ({@link AppealDeadlineV2}), and the time to contest a
 * rejection ends once the contest is brought: an annulment action, or a référé-suspension (CJA L.521-1, which
 * goes with one), filed before the administrative court on or after the day the rejection arose (the API's
 * {@code APPEAL_FILED}, CaseEvent version 5). Version 2 kept the alert open until the deadline passed, and
 * raised it to CRITICAL in a refusal's last week, whatever had been filed. An appeal to the prefecture (recours
 * gracieux or hiérarchique) does not end it: it does not extend the time of an OQTF, and the court remains to
 * be seized; nor does a référé mesures utiles (L.521-3), which contests no rejection. A later refusal opens its
 * own time: an appeal filed before it was not brought against it. The message says to record the appeal.
 */
public class AppealDeadlineV3 extends AppealDeadlineV2 {
  public AppealDeadlineV3() {
    super("3", new RuleDoc("A rejection can still be contested: an implicit rejection arose, or the prefecture refused "
        + "the request (with or without an OQTF); ends once an annulment action or a référé-suspension is filed.",
        TIMING, SEVERITY));
  }

  /** For a later version that adds to what this one watches. */
  AppealDeadlineV3(String version, RuleDoc doc, String reference, Object... moreThresholds) {
    super(version, doc, reference, moreThresholds);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<Condition> c = super.evaluate(view, settings);
    if (c.isEmpty() || view.courtAppealFiledSince(c.get().episodeStart())) {
      return Optional.empty();
    }
    return Optional.of(c.get().withMessage(Texts::withAppealToRecord));
  }

  @Override
  public Optional<LocalDate> appealEnding(CaseState state, LocalDate today, LocalDate episodeStart, LocalDate deadline) {
    return CaseView.of(state, today).courtAppealFiledOn(episodeStart);
  }
}
