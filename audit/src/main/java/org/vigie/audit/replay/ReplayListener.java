package org.vigie.audit.replay;

import org.vigie.schemas.CaseAlert;

/**
 * What a replay reports as it goes. Calls come from the replaying thread, in a deterministic order:
 * partition by partition, and within one the cases' alerts in log order, then the differences.
 */
public interface ReplayListener {
  /** An alert record the rules would have emitted, without its message (empty French and English texts). */
  default void alert(CaseAlert alert) {}

  /** A difference with what vigie.case-alerts.v1 holds (only when comparing). */
  default void difference(AlertDifference difference) {}

  default void progress(ReplayProgress progress) {}

  ReplayListener NONE = new ReplayListener() {};
}
