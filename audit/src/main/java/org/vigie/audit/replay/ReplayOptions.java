package org.vigie.audit.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What to replay.
 *
 * @param associationId one association, or null for all
 * @param from the earliest record time to read (per partition, the first record whose Kafka timestamp,
 *     i.e. when it was recorded, is at or after it, found with offsetsForTimes), or null for the
 *     beginning. A case whose history began earlier is replayed from there only, so for a faithful
 *     comparison replay from the beginning.
 * @param until the simulated clock's end: due days are stepped through up to this instant, and events
 *     recorded after it are left out
 * @param compareWithLive also read vigie.case-alerts.v1 and report the differences
 */
public record ReplayOptions(String associationId, Instant from, Instant until, boolean compareWithLive) {
  public ReplayOptions {
    Objects.requireNonNull(until, "until");
  }

  public static ReplayOptions all(Instant until) {
    return new ReplayOptions(null, null, until, true);
  }

  public ReplayOptions forAssociation(String association) {
    return new ReplayOptions(association, from, until, compareWithLive);
  }

  public ReplayOptions from(Instant time) {
    return new ReplayOptions(associationId, time, until, compareWithLive);
  }

  /** From the start of {@code day} in {@code zone} (Europe/Paris for Vigie's domain dates). */
  public ReplayOptions fromDay(LocalDate day, ZoneId zone) {
    return from(day.atStartOfDay(zone).toInstant());
  }

  public ReplayOptions withoutComparison() {
    return new ReplayOptions(associationId, from, until, false);
  }
}
