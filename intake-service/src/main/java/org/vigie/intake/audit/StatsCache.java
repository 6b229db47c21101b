package org.vigie.intake.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.vigie.audit.stats.FederationStats;

/**
 * The last statistics computed, recomputed when older than {@code maxAge}: the computation scans
 * the whole event log. Concurrent callers wait for one computation instead of starting several.
 */
final class StatsCache {
  private final Supplier<FederationStats> compute;
  private final Supplier<Instant> now;
  private final Duration maxAge;
  private FederationStats last;
  private Instant computedAt;

  StatsCache(Supplier<FederationStats> compute, Supplier<Instant> now, Duration maxAge) {
    this.compute = compute;
    this.now = now;
    this.maxAge = maxAge;
  }

  synchronized FederationStats get() {
    Instant t = now.get();
    if (last == null || !t.isBefore(computedAt.plus(maxAge))) {
      last = compute.get();
      computedAt = t;
    }
    return last;
  }
}
