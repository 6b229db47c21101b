package org.vigie.audit.kafka;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.topics.Topics;

/**
 * The whole of vigie.case-events.v1 as it stands, partition by partition, for the statistics and
 * retention dry runs of the CLI. Undecodable records are skipped and counted.
 */
public final class EventLog {
  private final KafkaSettings kafka;

  public EventLog(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  /** Figures of a scan. */
  public record Scanned(long events, long unreadable) {}

  public Scanned forEach(Consumer<CaseEvent> sink) {
    Deserializer<CaseEvent> serde = Topics.CASE_EVENTS.valueSerde().deserializer();
    long[] counts = new long[2];
    try (PartitionScan scan = new PartitionScan(kafka, "vigie-audit-log")) {
      List<TopicPartition> parts = scan.partitions(Topics.CASE_EVENTS.name());
      Map<TopicPartition, Long> begin = scan.beginning(parts);
      Map<TopicPartition, Long> end = scan.end(parts);
      for (TopicPartition tp : parts) {
        scan.read(tp, begin.get(tp), end.get(tp), r -> {
          if (r.value() == null) {
            return;
          }
          try {
            CaseEvent event = serde.deserialize(r.topic(), r.value());
            counts[0]++;
            sink.accept(event);
          } catch (SerializationException e) {
            counts[1]++;
          }
        });
      }
    }
    return new Scanned(counts[0], counts[1]);
  }
}
