package org.vigie.platform.kafka;

import java.time.Duration;

/**
 * The wait before replacing a failed Kafka client: {@code first}, doubled at each failure that
 * follows the previous one, at most {@code max}.
 */
public record RestartDelay(Duration first, Duration max) {
  /** The services' policy: 1 s first (tests pass a shorter one), at most a minute. */
  public static RestartDelay from(Duration first) {
    return new RestartDelay(first, Duration.ofMinutes(1));
  }

  /** The wait after {@code failuresInARow} earlier failures in a row (0 for the first failure). */
  public Duration after(int failuresInARow) {
    Duration delay = first.multipliedBy(1L << Math.min(failuresInARow, 16));
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
