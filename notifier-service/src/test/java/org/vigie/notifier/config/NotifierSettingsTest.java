package org.vigie.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.config.ConfigNames;

class NotifierSettingsTest {
  private static final Config BASE = Config.of(Map.of(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, "localhost:9092",
      ConfigNames.VIGIE_DB_URL, "jdbc:postgresql://localhost/vigie", ConfigNames.SMTP_HOST, "localhost"));

  @Test
  void aNewAlertWaitsTwoMinutesUnlessToldOtherwiseAndNeverANegativeTime() {
    assertThat(NotifierSettings.from(BASE).settle()).isEqualTo(Duration.ofMinutes(2));
    for (String zero : new String[] {"PT0S", "0", "P0D"}) {
      assertThat(NotifierSettings.from(BASE.with(NotifierSettings.VIGIE_NOTIFIER_SETTLE, zero)).settle()).as(zero).isZero();
    }
    assertThat(NotifierSettings.from(BASE.with(NotifierSettings.VIGIE_NOTIFIER_SETTLE, "PT30S")).settle()).hasSeconds(30);
    for (String bad : new String[] {"-PT1M", "soon"}) {
      assertThatThrownBy(() -> NotifierSettings.from(BASE.with(NotifierSettings.VIGIE_NOTIFIER_SETTLE, bad)))
          .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining(NotifierSettings.VIGIE_NOTIFIER_SETTLE);
    }
  }

  @Test
  void thePageUrlIsOptionalAndLosesItsTrailingSlash() {
    assertThat(NotifierSettings.from(BASE).pageUrl()).isEmpty();
    assertThat(NotifierSettings.from(BASE.with(NotifierSettings.VIGIE_PAGE_URL, " ")).pageUrl()).isEmpty();
    assertThat(NotifierSettings.from(BASE.with(NotifierSettings.VIGIE_PAGE_URL, "https://vigie.example.org/")).pageUrl())
        .contains("https://vigie.example.org");
  }

  @Test
  void answersGoToTheReplyToAddressWhenOneIsSet() {
    assertThat(NotifierSettings.from(BASE).replyTo()).isEmpty();
    assertThat(NotifierSettings.from(BASE.with(NotifierSettings.VIGIE_NOTIFIER_REPLY_TO, " ")).replyTo()).isEmpty();
    assertThat(NotifierSettings.from(BASE.with(NotifierSettings.VIGIE_NOTIFIER_REPLY_TO, " Permanence <permanence@asso.example> "))
        .replyTo()).contains("Permanence <permanence@asso.example>");
    for (String bad : new String[] {"permanence@", "a b c", "<>"}) {
      assertThatThrownBy(() -> NotifierSettings.from(BASE.with(NotifierSettings.VIGIE_NOTIFIER_REPLY_TO, bad)))
          .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining(NotifierSettings.VIGIE_NOTIFIER_REPLY_TO);
    }
  }

  @Test
  void alertsWaitTenSecondsForTheDirectoryUnlessToldOtherwise() {
    assertThat(NotifierSettings.from(BASE).directoryWait()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(NotifierSettings.from(BASE.with(NotifierSettings.VIGIE_NOTIFIER_DIRECTORY_WAIT, "PT0S")).directoryWait()).isZero();
    assertThatThrownBy(() -> NotifierSettings.from(BASE.with(NotifierSettings.VIGIE_NOTIFIER_DIRECTORY_WAIT, "-PT1S")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(NotifierSettings.VIGIE_NOTIFIER_DIRECTORY_WAIT);
  }

  @Test
  void theTopicsItCreatesTakeTheConfiguredReplicationFactor() {
    assertThat(NotifierSettings.from(BASE).replicationFactor()).isEqualTo((short) 1);
    assertThat(NotifierSettings.from(BASE.with(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR, "3")).replicationFactor())
        .isEqualTo((short) 3);
  }
}
