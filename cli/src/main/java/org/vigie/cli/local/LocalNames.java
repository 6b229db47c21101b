package org.vigie.cli.local;

/**
 * Configuration names only {@code vigie local} reads, and its default ports. The services' own names
 * are their constants (IntakeSettings, NotifierSettings, RulesSettings), used directly.
 */
public final class LocalNames {
  /** Rules-service ops port (RulesSettings.OPS_PORT), named here for the URL printed; default 8082. */
  public static final String VIGIE_RULES_OPS_PORT = "VIGIE_RULES_OPS_PORT";
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
