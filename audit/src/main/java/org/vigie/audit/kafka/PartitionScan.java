package org.vigie.audit.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.vigie.platform.kafka.KafkaSettings;

/**
 * Reads partitions of a topic between two offsets, one partition at a time, as raw bytes (decoding
 * is the caller's, so an undecodable record can be counted and skipped). Assigns partitions
 * itself: no consumer group membership, no commits, the live services' offsets are untouched.
 */
public final class PartitionScan implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration STALL = Duration.ofSeconds(60);
  private final KafkaConsumer<byte[], byte[]> consumer;

  public PartitionScan(KafkaSettings kafka, String clientId) {
    Properties p = kafka.consumer(clientId + "-" + UUID.randomUUID());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    // Moving to the next partition waits for the long poll still in flight on the previous one.
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The topic's partitions in partition order. */
  public List<TopicPartition> partitions(String topic) {
    return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(i -> new TopicPartition(topic, i.partition()))
        .sorted(Comparator.comparingInt(TopicPartition::partition))
        .toList();
  }

  public Map<TopicPartition, Long> beginning(List<TopicPartition> partitions) {
    return consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
  }

  /** The end offsets now (the last stable offset under read_committed): what a scan reads up to. */
  public Map<TopicPartition, Long> end(List<TopicPartition> partitions) {
    return consumer.endOffsets(partitions, Duration.ofSeconds(30));
  }

  /** The first offset with a timestamp at or after {@code epochMillis}, or the end offset when none. */
  public Map<TopicPartition, Long> at(List<TopicPartition> partitions, long epochMillis) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, epochMillis));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
    Map<TopicPartition, Long> ends = end(partitions);
    Map<TopicPartition, Long> out = new HashMap<>();
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp o = found.get(tp);
      out.put(tp, o == null ? ends.get(tp) : o.offset());
    }
    return out;
  }

  /** The partition of {@code topic} the default partitioner gives a string key (the case id on Vigie's topics). */
  public TopicPartition partitionOf(String topic, String key) {
    int count = partitions(topic).size();
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    return new TopicPartition(topic, Utils.toPositive(Utils.murmur2(bytes)) % count);
  }

  /** Reads {@code tp} from its beginning to its current end. */
  public void readAll(TopicPartition tp, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    List<TopicPartition> one = List.of(tp);
    read(tp, beginning(one).get(tp), end(one).get(tp), sink);
  }

  /** Calls {@code sink} for each record of {@code tp} from {@code start} until {@code end} is reached. */
  public void read(TopicPartition tp, long start, long end, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    if (start >= end) {
      return;
    }
    consumer.assign(List.of(tp));
    consumer.seek(tp, start);
    long lastProgress = System.nanoTime();
    while (consumer.position(tp) < end) {
      var records = consumer.poll(POLL);
      if (records.isEmpty()) {
        if (System.nanoTime() - lastProgress > STALL.toNanos()) {
          throw new IllegalStateException("No progress reading " + tp + " at offset " + consumer.position(tp)
              + " (end " + end + ")");
        }
        continue;
      }
      lastProgress = System.nanoTime();
      for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
        if (r.offset() >= end) {
          break;
        }
        sink.accept(r);
      }
    }
    consumer.assign(List.of());
  }

  @Override
  public void close() {
    consumer.close();
  }
}
