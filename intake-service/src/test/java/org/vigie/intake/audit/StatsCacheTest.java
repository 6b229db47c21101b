package org.vigie.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vigie.audit.stats.FederationStatsCollector;

class StatsCacheTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void theStatisticsAreComputedAgainOnlyOnceTheyAreTenMinutesOld() {
    AtomicInteger computations = new AtomicInteger();
    AtomicReference<Instant> now = new AtomicReference<>(T0);
    StatsCache cache = new StatsCache(() -> {
      computations.incrementAndGet();
      return new FederationStatsCollector().compute(LocalDate.of(2026, 11, 26));
    }, now::get, Duration.ofMinutes(10));

    cache.get();
    now.set(T0.plus(Duration.ofMinutes(9)));
    cache.get();
    assertThat(computations).hasValue(1);
    now.set(T0.plus(Duration.ofMinutes(10)));
    cache.get();
    assertThat(computations).hasValue(2);
  }
}
