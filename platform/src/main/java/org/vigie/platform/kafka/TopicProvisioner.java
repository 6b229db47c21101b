package org.vigie.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.ops.Startup;
import org.vigie.schemas.topics.Topic;

/**
 * Creates the topics Vigie needs when they are missing and waits until every partition has a
 * leader that answers (an idempotent producer writing to a partition whose leader is not ready
 * yet can lose its first batches to sequence errors). Existing topics are left untouched.
 *
 * <p>The event log is the evidence auditors and lawyers replay years later: every non-compacted
 * Vigie topic keeps its records without time limit ({@code retention.ms=-1}) instead of the
 * broker's default of seven days. Compacted topics keep the latest value of each key.
 */
public final class TopicProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final Duration LEADER_WAIT = Duration.ofSeconds(60);

  private final KafkaSettings kafka;
  private final short replicationFactor;

  public TopicProvisioner(KafkaSettings kafka, short replicationFactor) {
    this.kafka = kafka;
    this.replicationFactor = replicationFactor;
  }

  /**
   * The replication factor configured for the topics created when missing ({@code VIGIE_KAFKA_REPLICATION_FACTOR},
   * default 1). Every service reads it: the first to start creates the topics, and the event log kept on a single
   * replica of a three-broker cluster would be lost with one disk.
   */
  public static short replicationFactor(Config config) {
    int factor = config.getInt(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR, 1);
    if (factor < 1 || factor > Short.MAX_VALUE) {
      throw new ConfigException(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR, "must be between 1 and " + Short.MAX_VALUE);
    }
    return (short) factor;
  }

  /** A majority of the replicas from three on; below, the broker's default (one), where a majority would be all. */
  public static OptionalInt minInSyncReplicas(short replicationFactor) {
    return replicationFactor >= 3 ? OptionalInt.of(replicationFactor / 2 + 1) : OptionalInt.empty();
  }

  /**
   * The configuration a Vigie topic is created with. On three replicas or more, a write is acknowledged (the
   * producers ask {@code acks=all}) only once a majority of them hold it: with the broker's default of one in-sync
   * replica, an acknowledged event could be lost with the leader that alone had it.
   */
  public static Map<String, String> topicConfig(Topic<?, ?> topic, short replicationFactor) {
    Map<String, String> config = new HashMap<>();
    minInSyncReplicas(replicationFactor).ifPresent(n -> config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(n)));
    if (topic.compacted()) {
      config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    } else {
      config.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
    }
    return config;
  }

  public void ensure(Collection<Topic<?, ?>> topics) {
    try (Admin admin = Admin.create(kafka.admin())) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> topic : topics) {
        if (!existing.contains(topic.name())) {
          missing.add(new NewTopic(topic.name(), topic.defaultPartitions(), replicationFactor).configs(topicConfig(topic, replicationFactor)));
        }
      }
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
          LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      awaitLeaders(admin, topics.stream().map(Topic::name).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot create topics on " + kafka.bootstrapServers() + " ("
          + ConfigNames.KAFKA_BOOTSTRAP_SERVERS + "): " + (e instanceof TimeoutException && e.getMessage() == null
          ? "Kafka ne répond pas / Kafka does not answer" : Startup.oneLine(e.getCause() != null ? e.getCause() : e)), e);
    }
  }

  /**
   * A partition can be listed with a leader in the metadata before its leader accepts requests;
   * asking every partition's latest offset reaches each leader's replica manager.
   */
  private static boolean offsetsAnswered(Admin admin, Map<String, TopicDescription> descriptions)
      throws InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    descriptions.values().forEach(d -> d.partitions().forEach(
        p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
    try {
      admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      return false;
    }
  }

  private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
    while (true) {
      try {
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
        boolean allLed = descriptions.values().stream()
            .flatMap(d -> d.partitions().stream())
            .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (allLed && offsetsAnswered(admin, descriptions)) {
          return;
        }
      } catch (ExecutionException e) {
        // metadata not propagated yet: try again below
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("Partitions of " + names + " have no leader after " + LEADER_WAIT);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }
}
