package org.vigie.rules;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.platform.ops.OpsServer;
import org.vigie.platform.ops.Readiness;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.rules.topology.RulesTopology;
import org.vigie.schemas.topics.Topics;

/** The rules topology running in Kafka Streams: built from its settings, started, closed. */
public final class RulesService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RulesService.class);

  private final Properties streamsProperties;
  private final Topology topology;
  private final TopicProvisioner topics;
  private final Integer opsPort;
  private KafkaStreams streams;
  private OpsServer ops;

  /** A service without the ops HTTP endpoints (tests, embedding). */
  public RulesService(Properties streamsProperties, RulesConfig config, TopicProvisioner topics) {
    this(streamsProperties, config, topics, null);
  }

  /** @param opsPort port of /health, /ready and /metrics (0: any free port); null for none */
  public RulesService(Properties streamsProperties, RulesConfig config, TopicProvisioner topics, Integer opsPort) {
    this.streamsProperties = streamsProperties;
    this.topology = RulesTopology.build(config);
    this.topics = topics;
    this.opsPort = opsPort;
  }

  public static RulesService from(RulesSettings settings) {
    return new RulesService(settings.streamsProperties(), settings.rulesConfig(),
        new TopicProvisioner(new KafkaSettings(settings.bootstrapServers()), settings.replicationFactor()),
        settings.opsPort());
  }

  /** Creates the service's topics when missing and starts processing. */
  public synchronized void start() {
    if (streams != null) {
      throw new IllegalStateException("already started");
    }
    topics.ensure(List.of(Topics.CASE_EVENTS, Topics.CASE_ALERTS, Topics.ASSOCIATION_SETTINGS, Topics.RULES_DLQ));
    streams = new KafkaStreams(topology, streamsProperties);
    streams.setStateListener((now, before) -> LOG.info("Rules service {} -> {}", before, now));
    streams.start();
    if (opsPort != null) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new KafkaStreamsMetrics(streams).bindTo(registry);
      KafkaStreams running = streams;
      Readiness readiness = new Readiness().add("kafka-streams", () -> running.state() == KafkaStreams.State.RUNNING);
      ops = OpsServer.start("0.0.0.0", opsPort, readiness, registry);
      LOG.info("Rules service ops endpoints on port {}", ops.port());
    }
  }

  /** Port of the ops endpoints, once started with them. */
  public synchronized int opsPort() {
    if (ops == null) {
      throw new IllegalStateException("no ops endpoints");
    }
    return ops.port();
  }

  public synchronized KafkaStreams.State state() {
    return streams == null ? KafkaStreams.State.CREATED : streams.state();
  }

  public synchronized boolean running() {
    return streams != null && streams.state() == KafkaStreams.State.RUNNING;
  }

  @Override
  public synchronized void close() {
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
  }
}
