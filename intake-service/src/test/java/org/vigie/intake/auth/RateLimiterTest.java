package org.vigie.intake.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void burstThenSustainedRatePerKey() {
    AtomicLong now = new AtomicLong(0);
    RateLimiter limiter = new RateLimiter(10, 20, now::get);
    int allowed = 0;
    for (int i = 0; i < 30; i++) {
      allowed += limiter.tryAcquire("a") ? 1 : 0;
    }
    assertThat(allowed).isEqualTo(20);
    assertThat(limiter.tryAcquire("b")).as("other keys have their own bucket").isTrue();
    now.addAndGet(500_000_000L);
    allowed = 0;
    for (int i = 0; i < 30; i++) {
      allowed += limiter.tryAcquire("a") ? 1 : 0;
    }
    assertThat(allowed).isEqualTo(5);
  }
}
