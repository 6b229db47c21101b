package org.vigie.audit.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.vigie.audit.kafka.PartitionScan;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.DirectoryEntryKind;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.topics.Topic;
import org.vigie.schemas.topics.Topics;

/**
 * Reads one case's records straight from the topics, for the CLI (intake has read models): its
 * events and alerts from the partition its id hashes to, then the notifications of those alerts
 * from the partitions their alert ids hash to. Reads only those partitions, start to end.
 */
public final class KafkaCaseHistory {
  private final KafkaSettings kafka;

  public KafkaCaseHistory(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  /** What the topics hold about a case; empty lists when the case is unknown. */
  public record CaseHistory(List<CaseEvent> events, List<CaseAlert> alerts, List<NotificationOutcome> notifications) {
    /** The case's association (from its events), or null when it has none. */
    public String associationId() {
      return events.isEmpty() ? null : events.get(0).getAssociationId();
    }
  }

  /** The case's events only, in the order of their partition. */
  public List<CaseEvent> events(String caseId) {
    try (PartitionScan scan = new PartitionScan(kafka, "vigie-audit-timeline")) {
      return readKeyed(scan, Topics.CASE_EVENTS, caseId);
    }
  }

  public CaseHistory read(String caseId) {
    try (PartitionScan scan = new PartitionScan(kafka, "vigie-audit-timeline")) {
      List<CaseEvent> events = readKeyed(scan, Topics.CASE_EVENTS, caseId);
      List<CaseAlert> alerts = readKeyed(scan, Topics.CASE_ALERTS, caseId);
      Set<String> alertIds = new LinkedHashSet<>();
      alerts.forEach(a -> alertIds.add(a.getAlertId()));
      Set<TopicPartition> partitions = new LinkedHashSet<>();
      alertIds.forEach(id -> partitions.add(scan.partitionOf(Topics.NOTIFICATIONS.name(), id)));
      List<NotificationOutcome> notifications = new ArrayList<>();
      Deserializer<NotificationOutcome> serde = Topics.NOTIFICATIONS.valueSerde().deserializer();
      for (TopicPartition tp : partitions) {
        scan.readAll(tp, r -> {
          NotificationOutcome n = decode(serde, r.topic(), r.value());
          if (n != null && alertIds.contains(n.getAlertId())) {
            notifications.add(n);
          }
        });
      }
      return new CaseHistory(events, alerts, notifications);
    }
  }

  /**
   * How the association names itself and its volunteers, from the compacted directory topic (read
   * whole: one entry per association and volunteer, the latest; a tombstone removes it).
   */
  public TimelineNames names(String associationId) {
    Map<String, DirectoryEntry> latest = new HashMap<>();
    try (PartitionScan scan = new PartitionScan(kafka, "vigie-audit-timeline")) {
      Deserializer<String> keys = Topics.DIRECTORY.keySerde().deserializer();
      Deserializer<DirectoryEntry> values = Topics.DIRECTORY.valueSerde().deserializer();
      for (TopicPartition tp : scan.partitions(Topics.DIRECTORY.name())) {
        scan.readAll(tp, r -> {
          if (r.key() == null) {
            return;
          }
          String key = keys.deserialize(r.topic(), r.key());
          DirectoryEntry entry = decode(values, r.topic(), r.value());
          if (entry == null) {
            latest.remove(key);
          } else {
            latest.put(key, entry);
          }
        });
      }
    }
    String associationName = null;
    Map<String, String> volunteers = new HashMap<>();
    for (DirectoryEntry e : latest.values()) {
      if (!associationId.equals(e.getAssociationId())) {
        continue;
      }
      if (e.getKind() == DirectoryEntryKind.ASSOCIATION) {
        associationName = e.getDisplayName();
      } else if (e.getVolunteerId() != null) {
        volunteers.put(e.getVolunteerId(), e.getDisplayName());
      }
    }
    return new TimelineNames(associationName, volunteers);
  }

  private static <V> List<V> readKeyed(PartitionScan scan, Topic<String, V> topic, String caseId) {
    List<V> out = new ArrayList<>();
    Deserializer<String> keys = topic.keySerde().deserializer();
    Deserializer<V> values = topic.valueSerde().deserializer();
    scan.readAll(scan.partitionOf(topic.name(), caseId), r -> {
      if (r.key() != null && caseId.equals(keys.deserialize(r.topic(), r.key()))) {
        V value = decode(values, r.topic(), r.value());
        if (value != null) {
          out.add(value);
        }
      }
    });
    return out;
  }

  private static <V> V decode(Deserializer<V> serde, String topic, byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      return serde.deserialize(topic, value);
    } catch (SerializationException e) {
      return null;
    }
  }
}
