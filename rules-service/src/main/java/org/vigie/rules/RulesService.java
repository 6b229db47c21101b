package org.vigie.rules;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.RestartDelay;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.platform.ops.OpsServer;
import org.vigie.platform.ops.Readiness;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.rules.topology.RulesTopology;
import org.vigie.schemas.topics.Topics;

/**
 * The rules topology running in Kafka Streams: built from its settings, started, closed.
 *
 * <p>A Kafka Streams client that fails (a stream or global thread dies of an exception no handler
 * took) ends in ERROR, a state it never leaves: the service would stay up and alert nobody. So the
 * service then closes it and starts a new one, after 1 s, then 2, 4, … up to a minute while the
 * failures follow each other (back to 1 s once it runs again). With exactly-once, the new client
 * resumes from the last committed transaction: nothing is lost or emitted twice. It gets the
 * partitions once the group has expelled the failed client's consumer, within the consumer session
 * timeout (45 s by default).
 */
public final class RulesService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RulesService.class);

  private final Properties streamsProperties;
  private final Supplier<Topology> topology;
  private final TopicProvisioner topics;
  private final Integer opsPort;
  private final RestartDelay restartDelay;
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private ScheduledExecutorService restarter;
  // read without the lock by the ops endpoints, which close() may be waiting for while it holds it
  private volatile KafkaStreams streams;
  private PrometheusMeterRegistry registry;
  private KafkaStreamsMetrics metrics;
  private OpsServer ops;
  private final AtomicInteger restarts = new AtomicInteger();
  private boolean closed;

  /** A service without the ops HTTP endpoints (tests, embedding). */
  public RulesService(Properties streamsProperties, RulesConfig config, TopicProvisioner topics) {
    this(streamsProperties, config, topics, null);
  }

  /** @param opsPort port of /health, /ready and /metrics (0: any free port); null for none */
  public RulesService(Properties streamsProperties, RulesConfig config, TopicProvisioner topics, Integer opsPort) {
    this(streamsProperties, () -> RulesTopology.build(config), topics, opsPort, Duration.ofSeconds(1));
  }

  /**
   * @param topology builds the topology, once per Kafka Streams client (the first and each restart)
   * @param firstRestartDelay the wait before the first restart after a failure, doubled at each one that follows
   */
  RulesService(Properties streamsProperties, Supplier<Topology> topology, TopicProvisioner topics, Integer opsPort,
      Duration firstRestartDelay) {
    this.streamsProperties = streamsProperties;
    this.topology = topology;
    this.topics = topics;
    this.opsPort = opsPort;
    this.restartDelay = RestartDelay.from(firstRestartDelay);
  }

  public static RulesService from(RulesSettings settings) {
    return new RulesService(settings.streamsProperties(), settings.rulesConfig(),
        new TopicProvisioner(new KafkaSettings(settings.bootstrapServers()), settings.replicationFactor()),
        settings.opsPort());
  }

  /** Creates the service's topics when missing and starts processing. */
  public synchronized void start() {
    if (streams != null || closed) {
      throw new IllegalStateException("already started");
    }
    topics.ensure(List.of(Topics.CASE_EVENTS, Topics.CASE_ALERTS, Topics.ASSOCIATION_SETTINGS, Topics.RULES_DLQ));
    restarter = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "rules-restart");
      thread.setDaemon(true);
      return thread;
    });
    if (opsPort != null) {
      registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      FunctionCounter.builder("vigie.rules.restarts", restarts, AtomicInteger::get)
          .description("Kafka Streams clients replaced after a failure").register(registry);
    }
    // The ops endpoints first: on a port taken the service stops here, before its Kafka Streams client joins
    // the group (its threads would keep a process with no health endpoint working, and the group rebalancing).
    try {
      if (opsPort != null) {
        Readiness readiness = new Readiness().add("kafka-streams", this::running);
        ops = OpsServer.start("0.0.0.0", opsPort, RulesSettings.OPS_PORT, readiness, registry);
        LOG.info("Rules service ops endpoints on port {}", ops.port());
      }
      launch();
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** Creates and starts a Kafka Streams client; the caller holds the lock. */
  private void launch() {
    KafkaStreams client = new KafkaStreams(topology.get(), streamsProperties);
    // The listener runs on Kafka Streams' threads, which close() may be waiting for while it holds this
    // object's lock: it takes no lock, it only hands the restart to the restarter thread.
    client.setStateListener((now, before) -> onStateChange(client, now, before));
    client.setUncaughtExceptionHandler(exception -> {
      LOG.error("Rules service failed: its Kafka Streams client stops and will be restarted", exception);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    if (registry != null) {
      if (metrics != null) {
        metrics.close();
      }
      metrics = new KafkaStreamsMetrics(client);
      metrics.bindTo(registry);
    }
    streams = client;
    client.start();
  }

  private void onStateChange(KafkaStreams client, KafkaStreams.State now, KafkaStreams.State before) {
    LOG.info("Rules service {} -> {}", before, now);
    if (now == KafkaStreams.State.RUNNING) {
      failuresInARow.set(0);
    } else if (now == KafkaStreams.State.ERROR) {
      Duration delay = restartDelay.after(failuresInARow.getAndIncrement());
      LOG.error("Rules service in ERROR: restarting it in {} ms", delay.toMillis());
      scheduleRestart(client, delay);
    }
  }

  private void scheduleRestart(KafkaStreams failed, Duration delay) {
    try {
      restarter.schedule(() -> restart(failed), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing: nothing to restart
    }
  }

  private synchronized void restart(KafkaStreams failed) {
    if (closed || streams != failed) {
      return;
    }
    failed.close(Duration.ofSeconds(30));
    LOG.info("Rules service restarting (restart {})", restarts.incrementAndGet());
    try {
      launch();
    } catch (RuntimeException e) {
      // e.g. a state directory that cannot be written: left uncaught here, it would end the restarts
      // for good. The client that failed, or the new one that could not start, is retried later.
      Duration delay = restartDelay.after(failuresInARow.getAndIncrement());
      LOG.error("Rules service could not start a new Kafka Streams client: trying again in {} ms",
          delay.toMillis(), e);
      scheduleRestart(streams, delay);
    }
  }

  /** Port of the ops endpoints, once started with them. */
  public synchronized int opsPort() {
    if (ops == null) {
      throw new IllegalStateException("no ops endpoints");
    }
    return ops.port();
  }

  public KafkaStreams.State state() {
    KafkaStreams current = streams;
    return current == null ? KafkaStreams.State.CREATED : current.state();
  }

  public boolean running() {
    return state() == KafkaStreams.State.RUNNING;
  }

  /** The current Kafka Streams client, for tests that query its stores. */
  KafkaStreams streams() {
    return streams;
  }

  /** How many times the service replaced a failed Kafka Streams client. */
  public int restarts() {
    return restarts.get();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (restarter != null) {
      restarter.shutdownNow();
    }
    if (ops != null) {
      ops.close();
      ops = null;
    }
    if (streams != null) {
      // leaving the group hands the partitions to the next instance at once, instead of after the
      // session timeout (a restart or a deploy would otherwise stall for that long)
      streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
          .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
      streams = null;
    }
    if (metrics != null) {
      metrics.close();
      metrics = null;
    }
  }
}
