package org.vigie.audit.replay;

/** An alert record found on one side only: the replay derived it and the log has not it, or the reverse. */
public record AlertDifference(Side side, AlertKey alert) {
  public enum Side {
    /** Derived by the replay, absent from vigie.case-alerts.v1. */
    REPLAY_ONLY,
    /** In vigie.case-alerts.v1, not derived by the replay. */
    LIVE_ONLY
  }
}
