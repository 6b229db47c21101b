package org.vigie.notifier.directory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;

/**
 * Lets the directory copy catch up before alerts are routed to someone it does not know. The directory and the
 * alerts come on two topics, read by two consumers: an alert for a volunteer created a moment before (or, when the
 * notifier starts on an existing log, for any volunteer) could be read before the volunteer's entry, and went to the
 * coordinators as if the volunteer had left. When a batch names an assignee the copy lacks, this waits until the
 * directory's consumer group has committed every entry the topic held at that moment (its rows are then written),
 * for at most {@code max}; then the alerts are routed with what the copy holds (a volunteer who really left: the
 * coordinators). A batch whose assignees are all known waits for nothing.
 */
public final class DirectoryBarrier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryBarrier.class);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Jdbi jdbi;
  private final DirectoryStore directory;
  private final Admin admin;
  private final String topic;
  private final String group;
  private final Duration max;
  // the topic's partitions, described at the first wait (their number does not change while the service runs)
  private Set<TopicPartition> partitions;

  public DirectoryBarrier(Jdbi jdbi, DirectoryStore directory, Properties adminProperties, String topic, String group,
      Duration max) {
    this.jdbi = jdbi;
    this.directory = directory;
    this.admin = Admin.create(adminProperties);
    this.topic = topic;
    this.group = group;
    this.max = max;
  }

  /** Before {@code alerts} are routed: waits for the directory when one of the RAISED ones names an unknown assignee. */
  public void beforeRouting(List<CaseAlert> alerts) {
    List<CaseAlert> assigned = alerts.stream()
        .filter(a -> a.getStatus() == AlertStatus.RAISED && a.getAssignedVolunteerId() != null).toList();
    if (assigned.isEmpty()) {
      return;
    }
    Set<String> wanted = assigned.stream().map(a -> DirectoryStore.key(a.getAssociationId(), a.getAssignedVolunteerId()))
        .collect(Collectors.toCollection(HashSet::new));
    Set<String> ids = assigned.stream().map(CaseAlert::getAssignedVolunteerId).collect(Collectors.toSet());
    wanted.removeAll(jdbi.withHandle(h -> directory.volunteers(h, ids)).keySet());
    if (!wanted.isEmpty() && !awaitCaughtUp()) {
      LOG.warn("directory copy still behind {} after {} s: alerts for {} unknown assignee(s) routed with what it holds",
          topic, max.toSeconds(), wanted.size());
    }
  }

  /** True once the directory's group has committed the end of every partition as it is now; false after {@code max}. */
  boolean awaitCaughtUp() {
    long deadline = System.nanoTime() + max.toNanos();
    try {
      Map<TopicPartition, Long> end = endOffsets();
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (end.entrySet().stream().allMatch(e -> e.getValue() == 0
            || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()))) {
          return true;
        }
        if (System.nanoTime() >= deadline) {
          return false;
        }
        LockSupport.parkNanos(POLL_NANOS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("cannot read the directory's offsets ({}): alerts routed with what the copy holds", e.toString());
      return false;
    }
  }

  private Map<TopicPartition, Long> endOffsets() throws InterruptedException, ExecutionException, TimeoutException {
    if (partitions == null) {
      partitions = admin.describeTopics(List.of(topic)).allTopicNames()
          .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
          .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
    }
    Map<TopicPartition, ListOffsetsResultInfo> latest = admin.listOffsets(
            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
        .all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    return latest.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
