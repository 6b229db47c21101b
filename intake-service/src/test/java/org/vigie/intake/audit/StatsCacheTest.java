package org.vigie.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StatsCacheTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void theStatisticsAreComputedAgainOnlyOnceTheyAreTenMinutesOld() {
    List<String> computed = new ArrayList<>();
    AtomicReference<Instant> now = new AtomicReference<>(T0);
    StatsCache<String, String> cache = new StatsCache<>(k -> {
      computed.add(k);
      return k + computed.size();
    }, now::get, Duration.ofMinutes(10), 2);

    assertThat(cache.get("a")).isEqualTo("a1");
    now.set(T0.plus(Duration.ofMinutes(9)));
    assertThat(cache.get("a")).isEqualTo("a1");
    assertThat(cache.get("b")).isEqualTo("b2");
    now.set(T0.plus(Duration.ofMinutes(10)));
    assertThat(cache.get("a")).isEqualTo("a3");
    assertThat(cache.get("b")).isEqualTo("b2");
    assertThat(computed).containsExactly("a", "b", "a");
  }

  @Test
  void theLeastRecentlyReadKeyIsDroppedBeyondTheLimit() {
    List<String> computed = new ArrayList<>();
    StatsCache<String, String> cache = new StatsCache<>(k -> {
      computed.add(k);
      return k;
    }, () -> T0, Duration.ofMinutes(10), 2);
    cache.get("a");
    cache.get("b");
    cache.get("a");
    cache.get("c");
    cache.get("a");
    cache.get("b");
    assertThat(computed).containsExactly("a", "b", "c", "b");
  }
}
