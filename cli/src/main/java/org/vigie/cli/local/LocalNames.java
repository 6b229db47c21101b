package org.vigie.cli.local;

/** Configuration names read by {@code vigie local} beyond the contract ones of ConfigNames. */
public final class LocalNames {
  /** Notifier public HTTP port (acknowledgement links), default 8081. */
  public static final String VIGIE_NOTIFIER_HTTP_PORT = "VIGIE_NOTIFIER_HTTP_PORT";
  /** Rules-service ops port (health, readiness, metrics), default 8082. */
  public static final String VIGIE_RULES_OPS_PORT = "VIGIE_RULES_OPS_PORT";
  /** Intake identity-vault master key, base64 of 32 bytes; {@code vigie local} keeps one in the data dir. */
  public static final String VIGIE_MASTER_KEY = "VIGIE_MASTER_KEY";
  /** Kafka Streams state directory of rules-service; {@code vigie local}: under the data dir. */
  public static final String VIGIE_RULES_STATE_DIR = "VIGIE_RULES_STATE_DIR";
  /** Port of the page listing the mails the embedded SMTP server received, default 8025. */
  public static final String VIGIE_MAILBOX_PORT = "VIGIE_MAILBOX_PORT";
  /** Port of the in-process Kafka broker of {@code vigie local}, default 9092. */
  public static final String VIGIE_KAFKA_PORT = "VIGIE_KAFKA_PORT";

  public static final int DEFAULT_INTAKE_PORT = 8080;
  public static final int DEFAULT_NOTIFIER_PORT = 8081;
  public static final int DEFAULT_RULES_OPS_PORT = 8082;
  public static final int DEFAULT_MAILBOX_PORT = 8025;
  public static final int DEFAULT_SMTP_PORT = 2525;
  public static final int DEFAULT_KAFKA_PORT = 9092;

  private LocalNames() {}
}
