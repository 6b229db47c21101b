package org.vigie.notifier.dispatch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Bounded exponential backoff with jitter: the n-th retry waits between half and all of
 * min(max, base × 2^(n-1)), so that retries after an outage do not arrive all at once.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("max backoff below base");
    }
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** Delay before the next attempt after {@code failedAttempts} failures (≥ 1). */
  public Duration delay(int failedAttempts) {
    int exponent = Math.min(Math.max(failedAttempts, 1) - 1, 30);
    long ceiling = Math.min(max.toMillis(), base.toMillis() << exponent);
    if (ceiling <= 0) {
      ceiling = max.toMillis();
    }
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }
}
