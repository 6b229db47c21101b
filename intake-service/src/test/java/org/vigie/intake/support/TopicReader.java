package org.vigie.intake.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.topics.Topic;

/** Reads a whole topic of the shared broker from the beginning, keeping the records that match. */
public final class TopicReader {
  private TopicReader() {}

  public static <K, V> List<ConsumerRecord<K, V>> readAll(Topic<K, V> topic, Predicate<ConsumerRecord<K, V>> keep) {
    Properties p = SharedKafka.settings().consumer("test-" + UUID.randomUUID());
    List<ConsumerRecord<K, V>> out = new ArrayList<>();
    try (KafkaConsumer<K, V> c = new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      var partitions = c.partitionsFor(topic.name()).stream()
          .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      var end = c.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<K, V> r : c.poll(Duration.ofMillis(500))) {
          if (keep.test(r)) {
            out.add(r);
          }
        }
      }
    }
    return out;
  }
}
