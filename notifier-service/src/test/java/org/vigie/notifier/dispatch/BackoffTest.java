package org.vigie.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delaysGrowExponentiallyWithJitterAndStayBounded() {
    Random random = new Random(42);
    Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), random);
    for (int trial = 0; trial < 1_000; trial++) {
      for (int attempt = 1; attempt <= 40; attempt++) {
        long ceiling = Math.min(300_000L, 2_000L << Math.min(attempt - 1, 30));
        long d = backoff.delay(attempt).toMillis();
        assertThat(d).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
      }
    }
  }

  @Test
  void jitterSpreadsRetries() {
    Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(7));
    long distinct = java.util.stream.IntStream.range(0, 100).mapToLong(i -> backoff.delay(5).toMillis()).distinct().count();
    assertThat(distinct).isGreaterThan(50);
  }
}
