package org.vigie.schemas.alert;

import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.Resolution;

/** Why an alert record was resolved, whichever version of {@link CaseAlert} wrote it. */
public final class AlertResolutions {
  private AlertResolutions() {}

  /**
   * The record's {@code resolution} (CaseAlert version 3); for a RESOLVED record written before it, which says only
   * whether it lapsed, {@link Resolution#DEADLINE_PASSED} or {@link Resolution#SITUATION_ENDED}; null for a RAISED one.
   */
  public static Resolution of(CaseAlert alert) {
    if (alert.getStatus() != AlertStatus.RESOLVED) {
      return null;
    }
    if (alert.getResolution() != null) {
      return alert.getResolution();
    }
    return alert.getLapsed() ? Resolution.DEADLINE_PASSED : Resolution.SITUATION_ENDED;
  }

  /**
   * Whether an alert resolved so was closed without its situation having ended nor its deadline passed: by a refusal,
   * the court appeal it called for, the case no longer followed, the rule disabled, the fact that raised it corrected.
   */
  public static boolean closedOtherwise(Resolution why) {
    return why != Resolution.SITUATION_ENDED && why != Resolution.DEADLINE_PASSED;
  }
}
