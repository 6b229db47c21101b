package org.vigie.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.rules.topology.RulesStreamsConfig;

/**
 * The rules service's configuration, read from the environment:
 * <ul>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} (required)</li>
 *   <li>{@code VIGIE_RULES_STATE_DIR}: Kafka Streams state (default {@code $VIGIE_DATA_DIR/rules-state}, else
 *       {@code ./.vigie/rules-state})</li>
 *   <li>{@code VIGIE_RULES_APPLICATION_ID} (default {@code vigie-rules})</li>
 *   <li>{@code VIGIE_RULES_TICK_SECONDS}: wall-clock tick (default 60)</li>
 *   <li>{@code VIGIE_RULES_MAX_CASES_PER_TICK} (default 2000)</li>
 *   <li>{@code VIGIE_KAFKA_REPLICATION_FACTOR}: for the topics the service creates when missing (default 1); when
 *       set, Kafka Streams' own topics (the case states' changelog) take it too, else the broker's default</li>
 *   <li>{@code VIGIE_RULES_OPS_PORT}: {@code /health}, {@code /ready}, {@code /metrics} (default 8082; 0: any free port)</li>
 *   <li>{@code VIGIE_RULES_INSTANCE_ID}: this instance's static member id in the consumer group (Kafka's
 *       {@code group.instance.id}); a stable id, unique per instance (e.g. the pod's name), lets a restarted
 *       instance take its partitions back at once. Default (unset or empty): a random id per process, kept
 *       by the Kafka Streams clients that replace a failed one within the process.</li>
 * </ul>
 */
public record RulesSettings(String bootstrapServers, String applicationId, Path stateDir, Duration tick,
    int maxCasesPerTick, short replicationFactor, boolean replicationFactorSet, int opsPort, String instanceId) {
  public static final String STATE_DIR = "VIGIE_RULES_STATE_DIR";
  public static final String APPLICATION_ID = "VIGIE_RULES_APPLICATION_ID";
  public static final String TICK_SECONDS = "VIGIE_RULES_TICK_SECONDS";
  public static final String MAX_CASES_PER_TICK = "VIGIE_RULES_MAX_CASES_PER_TICK";
  public static final String REPLICATION_FACTOR = ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR;
  public static final String OPS_PORT = "VIGIE_RULES_OPS_PORT";
  public static final String INSTANCE_ID = "VIGIE_RULES_INSTANCE_ID";
  public static final int DEFAULT_OPS_PORT = 8082;

  public static RulesSettings from(Config config) {
    Path dataDir = Path.of(config.get(ConfigNames.VIGIE_DATA_DIR, "./.vigie"));
    return new RulesSettings(
        config.require(ConfigNames.KAFKA_BOOTSTRAP_SERVERS),
        config.get(APPLICATION_ID, RulesStreamsConfig.APPLICATION_ID),
        Path.of(config.get(STATE_DIR, dataDir.resolve("rules-state").toString())),
        Duration.ofSeconds(config.getLong(TICK_SECONDS, 60)),
        config.getInt(MAX_CASES_PER_TICK, 2_000),
        TopicProvisioner.replicationFactor(config),
        config.has(REPLICATION_FACTOR),
        config.getInt(OPS_PORT, DEFAULT_OPS_PORT),
        instanceId(config.get(INSTANCE_ID, "")));
  }

  private static String instanceId(String configured) {
    return configured.isBlank() ? "vigie-rules-" + UUID.randomUUID() : configured.strip();
  }

  /**
   * The streams settings, with this instance's static membership: a Kafka Streams client that replaces a
   * failed one takes the partitions back at once, where a new member waited for the failed one's session
   * to expire (45 s).
   */
  public Properties streamsProperties() {
    Properties props = RulesStreamsConfig.properties(applicationId, bootstrapServers, stateDir.toString());
    props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
    if (replicationFactorSet) {
      // the changelog holds every case's state: on as many replicas as the event log, a majority acknowledging
      props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
      TopicProvisioner.minInSyncReplicas(replicationFactor).ifPresent(
          n -> props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), Integer.toString(n)));
    }
    return props;
  }

  public RulesConfig rulesConfig() {
    return RulesConfig.defaults().withTickInterval(tick).withMaxCasesPerTick(maxCasesPerTick);
  }
}
