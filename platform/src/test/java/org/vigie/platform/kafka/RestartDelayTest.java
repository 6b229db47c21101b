package org.vigie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartDelayTest {
  private final RestartDelay delay = new RestartDelay(Duration.ofSeconds(1), Duration.ofMinutes(1));

  @Test
  void doublesFromTheFirstDelayUpToTheMaximum() {
    assertThat(delay.after(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(delay.after(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(delay.after(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(delay.after(6)).isEqualTo(Duration.ofMinutes(1));
    assertThat(delay.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
  }
}
