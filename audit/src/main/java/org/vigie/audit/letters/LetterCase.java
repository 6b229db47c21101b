package org.vigie.audit.letters;

import java.time.LocalDate;
import java.util.List;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * What a draft is written from: the case's state as the rules fold it, the association's rule settings,
 * its open alerts, and the identity when the association still holds one (null fields are left for the
 * volunteer to fill in).
 *
 * @param reference the case's short reference
 * @param personName the person's name, or null (not given, or erased)
 * @param foreignerNumber the person's foreigner number, or null
 */
public record LetterCase(String reference, String associationName, String personName, String foreignerNumber,
    CaseState state, RuleSettings settings, List<OpenAlert> openAlerts, LocalDate today) {

  public LetterCase {
    openAlerts = List.copyOf(openAlerts);
  }

  /** An open alert of the case: its rule, severity, deadline (or null) and legal reference. */
  public record OpenAlert(RuleId rule, Severity severity, LocalDate deadline, String reference) {}

  public boolean hasOpen(RuleId rule) {
    return openAlerts.stream().anyMatch(a -> a.rule() == rule);
  }
}
