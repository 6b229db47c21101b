package org.vigie.notifier.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.schemas.Severity;

/**
 * Everything the notifier reads from its {@link Config}, parsed and checked once at start.
 * Durations are ISO-8601 ({@code PT24H}, {@code P3D}); {@code off} disables an escalation.
 */
public record NotifierSettings(
    String kafkaBootstrapServers,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String smtpHost,
    int smtpPort,
    String smtpFrom,
    int httpPort,
    String publicUrl,
    String groupId,
    Optional<String> ackSecretBase64,
    Duration ackTtl,
    Map<Severity, Duration> escalationDelays,
    int maxReminders,
    Duration retryBase,
    Duration retryMax,
    int maxAttempts,
    int dispatchThreads,
    LocalTime digestTime,
    Duration settle,
    Optional<String> pageUrl,
    short replicationFactor,
    Optional<String> replyTo,
    Duration directoryWait) {

  public static final String VIGIE_NOTIFIER_HTTP_PORT = "VIGIE_NOTIFIER_HTTP_PORT";
  public static final String VIGIE_NOTIFIER_GROUP_ID = "VIGIE_NOTIFIER_GROUP_ID";
  public static final String VIGIE_NOTIFIER_ACK_SECRET = "VIGIE_NOTIFIER_ACK_SECRET";
  public static final String VIGIE_NOTIFIER_ACK_TTL = "VIGIE_NOTIFIER_ACK_TTL";
  public static final String VIGIE_NOTIFIER_ESCALATION_PREFIX = "VIGIE_NOTIFIER_ESCALATION_";
  public static final String VIGIE_NOTIFIER_MAX_REMINDERS = "VIGIE_NOTIFIER_MAX_REMINDERS";
  public static final String VIGIE_NOTIFIER_RETRY_BASE = "VIGIE_NOTIFIER_RETRY_BASE";
  public static final String VIGIE_NOTIFIER_RETRY_MAX = "VIGIE_NOTIFIER_RETRY_MAX";
  public static final String VIGIE_NOTIFIER_MAX_ATTEMPTS = "VIGIE_NOTIFIER_MAX_ATTEMPTS";
  public static final String VIGIE_NOTIFIER_DISPATCH_THREADS = "VIGIE_NOTIFIER_DISPATCH_THREADS";
  public static final String VIGIE_NOTIFIER_DIGEST_TIME = "VIGIE_NOTIFIER_DIGEST_TIME";
  /**
   * How long a new alert waits before it is sent: one the rules resolve meanwhile (a case opened,
   * then its submission recorded a minute later) is never sent, and neither is its resolved notice.
   */
  public static final String VIGIE_NOTIFIER_SETTLE = "VIGIE_NOTIFIER_SETTLE";
  /** The volunteers' page (intake's `/`): messages link each case to it, by its short reference. Unset: no such link. */
  public static final String VIGIE_PAGE_URL = "VIGIE_PAGE_URL";
  /**
   * Where answers to the mails go ({@code Reply-To}): a mailbox someone reads, when {@code SMTP_FROM} is an address
   * nobody reads (a sending domain's). Unset: none, answers go to the sender.
   */
  public static final String VIGIE_NOTIFIER_REPLY_TO = "VIGIE_NOTIFIER_REPLY_TO";
  /**
   * How long alerts naming a volunteer the notifier's copy of the directory does not hold yet wait for it to catch up
   * with the directory topic, before they are routed with what it holds (the coordinators, for a volunteer who left).
   */
  public static final String VIGIE_NOTIFIER_DIRECTORY_WAIT = "VIGIE_NOTIFIER_DIRECTORY_WAIT";

  private static final Map<Severity, String> DEFAULT_ESCALATION =
      Map.of(Severity.CRITICAL, "PT24H", Severity.HIGH, "PT72H", Severity.WARNING, "P7D", Severity.INFO, "off");

  public static NotifierSettings from(Config config) {
    int httpPort = config.getInt(VIGIE_NOTIFIER_HTTP_PORT, 8081);
    Map<Severity, Duration> delays = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      String name = VIGIE_NOTIFIER_ESCALATION_PREFIX + s.name();
      String raw = config.get(name, DEFAULT_ESCALATION.get(s));
      if (!raw.equalsIgnoreCase("off")) {
        delays.put(s, positive(name, raw));
      }
    }
    String defaultUrl = "http://localhost:" + (httpPort == 0 ? 8081 : httpPort);
    String publicUrl = config.get(ConfigNames.VIGIE_PUBLIC_URL, defaultUrl).replaceAll("/+$", "");
    return new NotifierSettings(
        config.require(ConfigNames.KAFKA_BOOTSTRAP_SERVERS),
        config.require(ConfigNames.VIGIE_DB_URL),
        config.optional(ConfigNames.VIGIE_DB_USER).orElse(null),
        config.optional(ConfigNames.VIGIE_DB_PASSWORD).orElse(null),
        config.require(ConfigNames.SMTP_HOST),
        config.getInt(ConfigNames.SMTP_PORT, 25),
        config.get(ConfigNames.SMTP_FROM, "vigie@localhost"),
        httpPort,
        publicUrl,
        config.get(VIGIE_NOTIFIER_GROUP_ID, "vigie-notifier"),
        config.optional(VIGIE_NOTIFIER_ACK_SECRET),
        positive(VIGIE_NOTIFIER_ACK_TTL, config.get(VIGIE_NOTIFIER_ACK_TTL, "P30D")),
        Map.copyOf(delays),
        atLeast(config, VIGIE_NOTIFIER_MAX_REMINDERS, 5, 0),
        positive(VIGIE_NOTIFIER_RETRY_BASE, config.get(VIGIE_NOTIFIER_RETRY_BASE, "PT2S")),
        positive(VIGIE_NOTIFIER_RETRY_MAX, config.get(VIGIE_NOTIFIER_RETRY_MAX, "PT5M")),
        atLeast(config, VIGIE_NOTIFIER_MAX_ATTEMPTS, 10, 1),
        atLeast(config, VIGIE_NOTIFIER_DISPATCH_THREADS, 8, 1),
        time(VIGIE_NOTIFIER_DIGEST_TIME, config.get(VIGIE_NOTIFIER_DIGEST_TIME, "08:00")),
        notNegative(VIGIE_NOTIFIER_SETTLE, config.get(VIGIE_NOTIFIER_SETTLE, "PT2M")),
        config.optional(VIGIE_PAGE_URL).map(url -> url.trim().replaceAll("/+$", "")).filter(url -> !url.isEmpty()),
        TopicProvisioner.replicationFactor(config),
        config.optional(VIGIE_NOTIFIER_REPLY_TO).map(String::trim).filter(a -> !a.isEmpty()).map(NotifierSettings::addresses),
        notNegative(VIGIE_NOTIFIER_DIRECTORY_WAIT, config.get(VIGIE_NOTIFIER_DIRECTORY_WAIT, "PT10S")));
  }

  /** One or more e-mail addresses, comma-separated, as a mail header takes them. */
  private static String addresses(String raw) {
    try {
      if (jakarta.mail.internet.InternetAddress.parse(raw, true).length == 0) {
        throw new ConfigException(VIGIE_NOTIFIER_REPLY_TO, "must be an e-mail address");
      }
      return raw;
    } catch (jakarta.mail.internet.AddressException e) {
      throw new ConfigException(VIGIE_NOTIFIER_REPLY_TO, "must be an e-mail address, got '" + raw + "'");
    }
  }

  /** The delay after which an unacknowledged alert of this severity is escalated, if any. */
  public Optional<Duration> escalationDelay(Severity severity) {
    return Optional.ofNullable(escalationDelays.get(severity));
  }

  private static int atLeast(Config config, String name, int defaultValue, int min) {
    int v = config.getInt(name, defaultValue);
    if (v < min) {
      throw new ConfigException(name, "must be at least " + min);
    }
    return v;
  }

  private static Duration notNegative(String name, String raw) {
    Duration d = duration(name, raw);
    if (d.isNegative()) {
      throw new ConfigException(name, "must not be negative");
    }
    return d;
  }

  private static Duration positive(String name, String raw) {
    Duration d = duration(name, raw);
    if (d.isNegative() || d.isZero()) {
      throw new ConfigException(name, "must be a positive duration");
    }
    return d;
  }

  private static Duration duration(String name, String raw) {
    if (raw.equals("0")) {
      return Duration.ZERO;
    }
    try {
      return Duration.parse(raw.startsWith("P") || raw.startsWith("p") ? raw : "PT" + raw);
    } catch (DateTimeParseException e) {
      throw new ConfigException(name, "must be an ISO-8601 duration such as PT24H, got '" + raw + "'");
    }
  }

  private static LocalTime time(String name, String raw) {
    try {
      return LocalTime.parse(raw);
    } catch (DateTimeParseException e) {
      throw new ConfigException(name, "must be a local time such as 08:00, got '" + raw + "'");
    }
  }
}
