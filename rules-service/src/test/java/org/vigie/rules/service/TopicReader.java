package org.vigie.rules.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.vigie.platform.kafka.KafkaSettings;

/** Reads a topic from the beginning with read_committed, accumulating what it saw. */
public final class TopicReader<K, V> implements AutoCloseable {
  private final KafkaConsumer<K, V> consumer;
  private final List<ConsumerRecord<K, V>> records = new ArrayList<>();

  public TopicReader(String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
    Properties p = new KafkaSettings(bootstrapServers).consumer("reader-" + UUID.randomUUID());
    consumer = new KafkaConsumer<>(p, keys, values);
    consumer.subscribe(List.of(topic));
  }

  /** Polls once and returns everything read so far. */
  public List<ConsumerRecord<K, V>> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    return records;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
