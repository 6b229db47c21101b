package org.vigie.intake.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
  @Test
  void version7IdsCarryTheirMillisecondAndSortByIt() {
    Instant t = Instant.parse("2026-11-26T20:00:00.123Z");
    TimeOrderedIds earlier = new TimeOrderedIds(Clock.fixed(t, ZoneOffset.UTC));
    TimeOrderedIds later = new TimeOrderedIds(Clock.fixed(t.plusMillis(1), ZoneOffset.UTC));
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID a = earlier.next();
      UUID b = later.next();
      assertThat(a.version()).isEqualTo(7);
      assertThat(a.variant()).isEqualTo(2);
      assertThat(TimeOrderedIds.millis(a)).isEqualTo(t.toEpochMilli());
      // PostgreSQL orders uuids by their bytes, i.e. as their text; so does this comparison.
      assertThat(a.toString().compareTo(b.toString())).isNegative();
      assertThat(seen.add(a)).isTrue();
      assertThat(UUID.fromString(a.toString())).isEqualTo(a);
    }
  }

  @Test
  void theRandomPartIsTheGeneratorsRandomness() {
    SecureRandom fixed = new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        java.util.Arrays.fill(bytes, (byte) 0xFF);
      }
    };
    UUID id = new TimeOrderedIds(Clock.fixed(Instant.ofEpochMilli(0x0123_4567_89ABL), ZoneOffset.UTC), fixed).next();
    assertThat(id.toString()).isEqualTo("01234567-89ab-7fff-bfff-ffffffffffff");
  }
}
