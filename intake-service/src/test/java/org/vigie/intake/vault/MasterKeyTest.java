package org.vigie.intake.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.vigie.platform.config.ConfigException;

class MasterKeyTest {
  @Test
  void aConfiguredKeyMustBe32Base64Bytes() {
    assertThat(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])).isDevelopmentKey()).isFalse();
    assertThat(MasterKey.fromBase64(null).isDevelopmentKey()).isTrue();
    assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(ConfigException.class).hasMessageContaining("VIGIE_MASTER_KEY");
    assertThatThrownBy(() -> MasterKey.fromBase64("not base64!")).isInstanceOf(ConfigException.class);
  }
}
