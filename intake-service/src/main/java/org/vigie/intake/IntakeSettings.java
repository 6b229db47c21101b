package org.vigie.intake;

import org.vigie.intake.vault.MasterKey;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.kafka.TopicProvisioner;

/** What intake reads from its configuration (and nothing else). */
public record IntakeSettings(String kafkaBootstrap, String dbUrl, String dbUser, String dbPassword, String host, int httpPort,
    String adminToken, String masterKeyBase64, String previousMasterKey, int rateLimitPerSecond, int rateLimitBurst, long maxBodyBytes, long maxImportBytes,
    short replicationFactor) {

  /** Requests per second per token (addition to the contract); default 200, burst twice that. */
  public static final String VIGIE_RATE_LIMIT_PER_SECOND = "VIGIE_RATE_LIMIT_PER_SECOND";
  public static final String VIGIE_MASTER_KEY = MasterKey.VIGIE_MASTER_KEY;

  public static IntakeSettings from(Config c) {
    int rate = c.getInt(VIGIE_RATE_LIMIT_PER_SECOND, 200);
    return new IntakeSettings(
        c.require(ConfigNames.KAFKA_BOOTSTRAP_SERVERS),
        c.require(ConfigNames.VIGIE_DB_URL),
        c.optional(ConfigNames.VIGIE_DB_USER).orElse(null),
        c.optional(ConfigNames.VIGIE_DB_PASSWORD).orElse(null),
        "0.0.0.0",
        c.getInt(ConfigNames.VIGIE_HTTP_PORT, 8080),
        c.optional(ConfigNames.VIGIE_ADMIN_TOKEN).orElse(null),
        c.optional(VIGIE_MASTER_KEY).orElse(null),
        c.optional(MasterKey.VIGIE_MASTER_KEY_PREVIOUS).orElse(null),
        rate,
        rate * 2,
        64 * 1024,
        20L * 1024 * 1024,
        TopicProvisioner.replicationFactor(c));
  }
}
