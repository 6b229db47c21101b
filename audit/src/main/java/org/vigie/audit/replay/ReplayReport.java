package org.vigie.audit.replay;

import java.time.Duration;

/**
 * The figures of a replay.
 *
 * @param eventsRead records read from vigie.case-events.v1 (every association)
 * @param eventsReplayed events of the selected association(s) replayed
 * @param unreadable records that could not be decoded, or that the rules refuse (skipped; the live rules send
 *     them to their dead-letter queue)
 * @param cases distinct cases replayed
 * @param alertsDerived alert records the replay derived
 * @param liveAlerts alert records read from vigie.case-alerts.v1 for the same selection
 * @param replayOnly derived records absent from the log
 * @param liveOnly records of the log the replay did not derive
 * @param evaluations rule evaluations of a case (one per event and per due day stepped through)
 */
public record ReplayReport(long eventsRead, long eventsReplayed, long unreadable, long cases, long alertsDerived,
    long liveAlerts, long replayOnly, long liveOnly, long evaluations, Duration elapsed) {

  public boolean matchesLive() {
    return replayOnly == 0 && liveOnly == 0;
  }

  public double eventsPerSecond() {
    return elapsed.isZero() ? 0 : eventsRead * 1000.0 / Math.max(1, elapsed.toMillis());
  }
}
