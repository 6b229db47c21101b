package org.vigie.platform.config;

/** The configuration names of the contract (ARCHITECTURE.md); additions are documented in README.md. */
public final class ConfigNames {
  /** Kafka bootstrap servers; unset in {@code vigie local}: the in-process broker is started. */
  public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
  /** JDBC URL of PostgreSQL; unset in {@code vigie local}: embedded PostgreSQL. */
  public static final String VIGIE_DB_URL = "VIGIE_DB_URL";
  /** Database user, when not in the URL (addition). */
  public static final String VIGIE_DB_USER = "VIGIE_DB_USER";
  /** Database password, when not in the URL (addition). */
  public static final String VIGIE_DB_PASSWORD = "VIGIE_DB_PASSWORD";
  public static final String SMTP_HOST = "SMTP_HOST";
  public static final String SMTP_PORT = "SMTP_PORT";
  public static final String SMTP_FROM = "SMTP_FROM";
  /** Intake HTTP port, default 8080. */
  public static final String VIGIE_HTTP_PORT = "VIGIE_HTTP_PORT";
  /** The federation administrator's bearer token. */
  public static final String VIGIE_ADMIN_TOKEN = "VIGIE_ADMIN_TOKEN";
  /** Data directory of {@code vigie local}, default ./.vigie. */
  public static final String VIGIE_DATA_DIR = "VIGIE_DATA_DIR";
  /**
   * Replication factor of the topics a service creates when they are missing (addition; default 1, the
   * single broker of {@code vigie local}). Every service reads it: whichever starts first creates the topics.
   */
  public static final String VIGIE_KAFKA_REPLICATION_FACTOR = "VIGIE_KAFKA_REPLICATION_FACTOR";
  /** Base of links in emails. */
  public static final String VIGIE_PUBLIC_URL = "VIGIE_PUBLIC_URL";

  private ConfigNames() {}
}
