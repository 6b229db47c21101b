package org.vigie.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.config.ConfigNames;

class IntakeSettingsTest {
  private static final Config BASE = Config.of(Map.of(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, "localhost:9092",
      ConfigNames.VIGIE_DB_URL, "jdbc:postgresql://localhost/vigie"));

  @Test
  void theTopicsItCreatesTakeTheConfiguredReplicationFactor() {
    assertThat(IntakeSettings.from(BASE).replicationFactor()).isEqualTo((short) 1);
    assertThat(IntakeSettings.from(BASE.with(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR, "3")).replicationFactor())
        .isEqualTo((short) 3);
    assertThatThrownBy(() -> IntakeSettings.from(BASE.with(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR, "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR);
  }
}
