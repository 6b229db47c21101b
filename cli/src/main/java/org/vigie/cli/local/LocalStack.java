package org.vigie.cli.local;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.intake.IntakeSettings;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.db.EmbeddedDatabase;
import org.vigie.platform.kafka.EmbeddedKafkaBroker;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.rules.RulesSettings;
import org.vigie.schemas.topics.Topics;

/**
 * The whole of Vigie in one JVM: an in-process Kafka broker (unless KAFKA_BOOTSTRAP_SERVERS),
 * embedded PostgreSQL (unless VIGIE_DB_URL), an SMTP server with a web page (unless SMTP_HOST),
 * then the services, each given the same configuration with those addresses filled in. Everything
 * persistent lives under VIGIE_DATA_DIR (default ./.vigie), so data survives a restart.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
  public static final String ADMIN_TOKEN_FILE = org.vigie.cli.client.ApiOptions.ADMIN_TOKEN_FILE;
  public static final String MASTER_KEY_FILE = "master-key";
  /**
   * The rules service's static member id, kept with the data: restarted after a crash, it takes its partitions back
   * at once instead of waiting 45 s for the dead member's session to expire, with no alert raised meanwhile.
   */
  public static final String RULES_INSTANCE_FILE = "rules-instance-id";

  private final Deque<Started> running;
  private final Config serviceConfig;
  private final Path dataDir;
  private final LocalMailbox mailbox;
  private final List<ServiceLauncher.Started> services;

  private LocalStack(Deque<Started> running, Config serviceConfig, Path dataDir, LocalMailbox mailbox,
      List<ServiceLauncher.Started> services) {
    this.running = running;
    this.serviceConfig = serviceConfig;
    this.dataDir = dataDir;
    this.mailbox = mailbox;
    this.services = List.copyOf(services);
  }

  /** Starts everything; on any failure stops what already started and rethrows. */
  public static LocalStack start(Config config, List<ServiceLauncher> launchers) {
    Path dataDir = dataDir(config);
    Map<String, Integer> ports = LocalPorts.wanted(config);
    LocalPorts.requireFree(ports);
    Deque<Started> running = new ArrayDeque<>();
    try {
      Config services = config.with(ConfigNames.VIGIE_DATA_DIR, dataDir.toString());

      if (!config.has(ConfigNames.KAFKA_BOOTSTRAP_SERVERS)) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
            dataDir.resolve("kafka"), ports.get(LocalNames.VIGIE_KAFKA_PORT));
        running.push(new Started("kafka", broker));
        services = services.with(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers());
      }
      String bootstrap = services.require(ConfigNames.KAFKA_BOOTSTRAP_SERVERS);
      new TopicProvisioner(new KafkaSettings(bootstrap), (short) 1).ensure(Topics.all());

      if (!config.has(ConfigNames.VIGIE_DB_URL)) {
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("postgres"));
        running.push(new Started("postgres", db));
        services = services.with(ConfigNames.VIGIE_DB_URL, db.jdbcUrl());
      }

      LocalMailbox mailbox = null;
      if (!config.has(ConfigNames.SMTP_HOST)) {
        mailbox = LocalMailbox.start(
            ports.get(ConfigNames.SMTP_PORT), ports.get(LocalNames.VIGIE_MAILBOX_PORT));
        running.push(new Started("smtp", mailbox));
        services = services
            .with(ConfigNames.SMTP_HOST, "127.0.0.1")
            .with(ConfigNames.SMTP_PORT, String.valueOf(mailbox.smtpPort()));
      }

      DataDirSecrets secrets = new DataDirSecrets(dataDir, new SecureRandom());
      int notifierPort = ports.get(NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT);
      int intakePort = ports.get(ConfigNames.VIGIE_HTTP_PORT);
      services = services
          .with(ConfigNames.VIGIE_ADMIN_TOKEN,
              secrets.token(ADMIN_TOKEN_FILE, config.optional(ConfigNames.VIGIE_ADMIN_TOKEN)))
          .with(IntakeSettings.VIGIE_MASTER_KEY,
              secrets.key(MASTER_KEY_FILE, config.optional(IntakeSettings.VIGIE_MASTER_KEY)))
          .with(ConfigNames.SMTP_FROM, config.get(ConfigNames.SMTP_FROM, "vigie@localhost"))
          .with(ConfigNames.VIGIE_HTTP_PORT, String.valueOf(intakePort))
          .with(NotifierSettings.VIGIE_PAGE_URL, config.get(NotifierSettings.VIGIE_PAGE_URL, "http://localhost:" + intakePort))
          .with(NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT, String.valueOf(notifierPort))
          .with(LocalNames.VIGIE_RULES_OPS_PORT,
              String.valueOf(ports.get(LocalNames.VIGIE_RULES_OPS_PORT)))
          .with(RulesSettings.INSTANCE_ID, secrets.resolve(RULES_INSTANCE_FILE, config.optional(RulesSettings.INSTANCE_ID), 8,
              bytes -> "vigie-local-rules-" + HexFormat.of().formatHex(bytes)))
          .with(RulesSettings.STATE_DIR,
              config.get(RulesSettings.STATE_DIR, dataDir.resolve("rules-state").toString()))
          .with(ConfigNames.VIGIE_PUBLIC_URL,
              config.get(ConfigNames.VIGIE_PUBLIC_URL, "http://localhost:" + notifierPort));

      List<ServiceLauncher.Started> started = new ArrayList<>();
      for (ServiceLauncher launcher : launchers) {
        LOG.info("Starting {}", launcher.name());
        ServiceLauncher.Started service = launcher.start(services);
        running.push(new Started(service.name(), service.handle()));
        started.add(service);
      }
      return new LocalStack(running, services, dataDir, mailbox, started);
    } catch (RuntimeException | Error e) {
      stopAll(running);
      throw e;
    }
  }

  static Path dataDir(Config config) {
    return Path.of(config.get(ConfigNames.VIGIE_DATA_DIR, ".vigie")).toAbsolutePath().normalize();
  }

  /** The configuration the services were started with (addresses and secrets filled in). */
  public Config serviceConfig() {
    return serviceConfig;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String adminToken() {
    return serviceConfig.require(ConfigNames.VIGIE_ADMIN_TOKEN);
  }

  public String intakeUrl() {
    return services.stream().filter(s -> s.name().equals("intake")).map(ServiceLauncher.Started::url)
        .findFirst().orElse("http://localhost:" + serviceConfig.require(ConfigNames.VIGIE_HTTP_PORT));
  }

  public List<ServiceLauncher.Started> services() {
    return services;
  }

  /** The embedded mailbox, absent when SMTP_HOST points to a real server. */
  public java.util.Optional<LocalMailbox> mailbox() {
    return java.util.Optional.ofNullable(mailbox);
  }

  /** Stops the services, then the SMTP server, the database and the broker (reverse start order). */
  @Override
  public synchronized void close() {
    stopAll(running);
  }

  private static void stopAll(Deque<Started> running) {
    while (!running.isEmpty()) {
      Started s = running.pop();
      try {
        s.handle().close();
        LOG.info("Stopped {}", s.name());
      } catch (Exception e) {
        LOG.warn("{} did not stop cleanly", s.name(), e);
      }
    }
  }

  private record Started(String name, AutoCloseable handle) {}
}
