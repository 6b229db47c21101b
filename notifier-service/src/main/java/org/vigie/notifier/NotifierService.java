package org.vigie.notifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.notifier.ack.AckTokens;
import org.vigie.notifier.ack.AcknowledgementIntake;
import org.vigie.notifier.ack.Acknowledger;
import org.vigie.notifier.ack.SigningKeys;
import org.vigie.notifier.alert.AlertIntake;
import org.vigie.notifier.alert.AlertStore;
import org.vigie.notifier.channel.Channel;
import org.vigie.notifier.channel.EmailChannel;
import org.vigie.notifier.channel.WebhookChannel;
import org.vigie.notifier.channel.WebhookTargetPolicy;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.notifier.directory.DirectoryBarrier;
import org.vigie.notifier.directory.DirectoryIntake;
import org.vigie.notifier.directory.DirectoryStore;
import org.vigie.notifier.dispatch.Backoff;
import org.vigie.notifier.dispatch.Dispatcher;
import org.vigie.notifier.followup.FollowUpClock;
import org.vigie.notifier.followup.FollowUps;
import org.vigie.notifier.http.NotifierHttp;
import org.vigie.notifier.ledger.Ledger;
import org.vigie.notifier.message.MessageComposer;
import org.vigie.notifier.metrics.NotifierMetrics;
import org.vigie.notifier.outbox.Outbox;
import org.vigie.notifier.outbox.OutboxRelay;
import org.vigie.notifier.outbox.Outcomes;
import org.vigie.notifier.route.Router;
import org.vigie.notifier.support.Worker;
import org.vigie.platform.config.Config;
import org.vigie.platform.db.Databases;
import org.vigie.platform.kafka.ConsumerLoop;
import org.vigie.platform.kafka.IsolatingBatchHandler;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.platform.ops.Readiness;
import org.vigie.platform.ops.Startup;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.topics.Topics;

/**
 * The notifier: copies the directory, records every alert in the notification ledger before
 * committing its offset, delivers ledger rows by email and webhook, handles acknowledgements,
 * escalation, reminders and digests, and publishes each outcome. {@link #start(Config)} builds and
 * starts everything from a configuration; {@link #close()} stops it cleanly.
 */
public final class NotifierService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotifierService.class);
  public static final String SCHEMA = "notifier";

  /** Parts a caller may replace (tests, the benchmark): the clock, the randomness of backoff, channel wrappers. */
  public record Options(Clock clock, RandomGenerator random, UnaryOperator<Channel> channelDecorator,
      WebhookTargetPolicy webhookPolicy) {
    public static Options defaults() {
      return new Options(Clock.systemUTC(), new SecureRandom(), UnaryOperator.identity(), WebhookTargetPolicy.system());
    }

    public Options withClock(Clock c) {
      return new Options(c, random, channelDecorator, webhookPolicy);
    }

    public Options withRandom(RandomGenerator r) {
      return new Options(clock, r, channelDecorator, webhookPolicy);
    }

    public Options withChannelDecorator(UnaryOperator<Channel> d) {
      return new Options(clock, random, d, webhookPolicy);
    }
  }

  private final NotifierSettings settings;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final PrometheusMeterRegistry registry;
  private final NotifierMetrics metrics;
  private final List<AutoCloseable> running = new ArrayList<>();
  private final NotifierHttp http;

  private NotifierService(NotifierSettings settings, Options options) {
    this.settings = settings;
    KafkaSettings kafka = new KafkaSettings(settings.kafkaBootstrapServers());
    new TopicProvisioner(kafka, settings.replicationFactor()).ensure(Topics.all());

    this.dataSource = Databases.pool(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), SCHEMA,
        settings.dispatchThreads() + 6);
    Databases.migrate(dataSource, SCHEMA);
    this.jdbi = Databases.jdbi(dataSource);
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.metrics = new NotifierMetrics(registry);
    Clock clock = options.clock();

    AckTokens tokens = new AckTokens(
        SigningKeys.ackKey(jdbi, settings.ackSecretBase64(), NotifierSettings.VIGIE_NOTIFIER_ACK_SECRET), clock,
        settings.ackTtl());
    DirectoryStore directory = new DirectoryStore();
    AlertStore alerts = new AlertStore();
    Ledger ledger = new Ledger();
    Router router = new Router(directory, alerts, ledger, settings.settle());
    Outbox outbox = new Outbox();
    Outcomes outcomes = new Outcomes(outbox);
    MessageComposer composer = new MessageComposer(settings.pageUrl());

    Channel email = new EmailChannel(settings.smtpHost(), settings.smtpPort(), settings.smtpFrom(), settings.replyTo(),
        composer);
    Channel webhook = new WebhookChannel(options.webhookPolicy(), composer, new ObjectMapper(),
        WebhookChannel.Limits.defaults(settings.dispatchThreads()));
    running.add(email);
    running.add(webhook);
    Map<NotificationChannel, Channel> channels = new EnumMap<>(NotificationChannel.class);
    channels.put(NotificationChannel.EMAIL, options.channelDecorator().apply(email));
    channels.put(NotificationChannel.WEBHOOK, options.channelDecorator().apply(webhook));
    OutboxRelay relay = new OutboxRelay(jdbi, outbox, kafka.producer("vigie-notifier-outbox"));
    List<Worker> dispatchWorkers = new ArrayList<>();
    Runnable wakeDispatch = () -> dispatchWorkers.forEach(Worker::wake);
    FollowUpClock followUpClock = new FollowUpClock(alerts, settings);
    Dispatcher dispatcher = new Dispatcher(jdbi, ledger, alerts, router, channels, tokens, outcomes, metrics,
        new Backoff(settings.retryBase(), settings.retryMax(), options.random()), settings, followUpClock, clock,
        relay::wake);
    for (int i = 0; i < settings.dispatchThreads(); i++) {
      dispatchWorkers.add(new Worker("notifier-dispatch-" + i, 500, dispatcher::dispatchBatch));
    }
    FollowUps followUps = new FollowUps(jdbi, alerts, ledger, router, outcomes, metrics, settings, clock);
    Worker followUpWorker = new Worker("notifier-follow-ups", 1000, () -> {
      if (followUps.run() > 0) {
        wakeDispatch.run();
        relay.wake();
      }
      return false;
    });

    Runnable recorded = () -> {
      wakeDispatch.run();
      relay.wake();
    };
    DirectoryIntake directoryIntake = new DirectoryIntake(jdbi, directory, router, clock, wakeDispatch);
    ConsumerLoop directoryLoop = new ConsumerLoop("notifier-directory", kafka.consumer(settings.groupId() + ".directory"),
        Topics.DIRECTORY.name(), IsolatingBatchHandler.of(directoryIntake, directoryIntake::refused)).bindTo(registry);
    Acknowledger acknowledger = new Acknowledger(jdbi, tokens, ledger, alerts, outcomes, metrics, clock);
    DirectoryBarrier directoryBarrier = new DirectoryBarrier(jdbi, directory, kafka.admin(), Topics.DIRECTORY.name(),
        settings.groupId() + ".directory", settings.directoryWait());
    running.add(directoryBarrier);
    AlertIntake alertIntake = new AlertIntake(jdbi, alerts, ledger, router, outcomes, metrics, clock, recorded,
        (h, ids) -> {
          acknowledger.applyKept(h, ids);
          followUpClock.replan(h, ids);
        }, directoryBarrier::beforeRouting);
    ConsumerLoop alertLoop = new ConsumerLoop("notifier-alerts", kafka.consumer(settings.groupId()),
        Topics.CASE_ALERTS.name(), IsolatingBatchHandler.of(alertIntake, alertIntake::deadLetter)).bindTo(registry);

    AcknowledgementIntake acknowledgementIntake = new AcknowledgementIntake(jdbi, acknowledger, clock, relay::wake);
    ConsumerLoop acknowledgementLoop = new ConsumerLoop("notifier-acknowledgements",
        kafka.consumer(settings.groupId() + ".acknowledgements"), Topics.ALERT_ACKNOWLEDGEMENTS.name(),
        IsolatingBatchHandler.of(acknowledgementIntake, acknowledgementIntake::refused)).bindTo(registry);
    Readiness readiness = new Readiness()
        .add("database", () -> Databases.reachable(dataSource))
        .add("alerts-consumer", alertLoop::alive)
        .add("directory-consumer", directoryLoop::alive)
        .add("acknowledgements-consumer", acknowledgementLoop::alive);

    relay.start();
    running.add(relay);
    dispatchWorkers.forEach(w -> {
      w.start();
      running.add(w);
    });
    followUpWorker.start();
    running.add(followUpWorker);
    running.add(directoryLoop.start());
    running.add(alertLoop.start());
    running.add(acknowledgementLoop.start());
    try {
      this.http = NotifierHttp.start(settings.httpPort(), acknowledger, readiness, registry, settings.pageUrl());
    } catch (RuntimeException e) {
      // a port taken: nothing of this service keeps running, and the error names the variable
      stopParts();
      throw Startup.portFailure(NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT, settings.httpPort(), e);
    }
    LOG.info("notifier started: ack links under {}/ack/, HTTP port {}", settings.publicUrl(), http.port());
  }

  public static NotifierService start(Config config) {
    return start(config, Options.defaults());
  }

  public static NotifierService start(Config config, Options options) {
    return new NotifierService(NotifierSettings.from(config), options);
  }

  /** Port of the notifier's HTTP server (ack links, health, readiness, metrics). */
  public int port() {
    return http.port();
  }

  public NotifierSettings settings() {
    return settings;
  }

  /** Database access for tests and operations (the notifier schema). */
  public Jdbi jdbi() {
    return jdbi;
  }

  public NotifierMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    http.close();
    stopParts();
  }

  private void stopParts() {
    // consumers first (no new rows), then the workers, the relay last so that outcomes still go out
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", running.get(i), e.toString());
      }
    }
    dataSource.close();
    registry.close();
  }
}
