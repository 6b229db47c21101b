package org.vigie.notifier.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer thread with at-least-once semantics: each polled batch is handed to a handler, and
 * offsets are committed only after the handler returned. When the handler fails (database down)
 * the consumer seeks back to the batch start and tries again after a pause. Values stay raw bytes
 * so that one undecodable record cannot stop the loop: the handler decides what is poison.
 */
public final class ConsumerLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);

  private final String name;
  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final BatchHandler handler;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean assigned;

  public ConsumerLoop(String name, Properties consumerProperties, String topic, BatchHandler handler) {
    Properties p = new Properties();
    p.putAll(consumerProperties);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    this.name = name;
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    this.handler = handler;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  public ConsumerLoop start() {
    thread.start();
    return this;
  }

  /** True once the consumer has partitions assigned. */
  public boolean assigned() {
    return assigned;
  }

  /** True while the consumer thread runs (for readiness). */
  public boolean alive() {
    return thread.isAlive();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic));
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        assigned = !consumer.assignment().isEmpty();
        if (records.isEmpty()) {
          continue;
        }
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        Map<TopicPartition, Long> starts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
          batch.add(r);
          starts.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset());
        }
        try {
          handler.handle(batch);
          consumer.commitSync();
        } catch (WakeupException e) {
          throw e;
        } catch (Exception e) {
          LOG.warn("{}: batch of {} records not recorded ({}); retrying", name, batch.size(), e.toString());
          Set<TopicPartition> owned = consumer.assignment();
          starts.forEach((tp, offset) -> {
            if (owned.contains(tp)) {
              consumer.seek(tp, offset);
            }
          });
          pause();
        }
      }
    } catch (WakeupException e) {
      if (running.get()) {
        LOG.error("{}: unexpected wakeup", name, e);
      }
    } catch (RuntimeException e) {
      LOG.error("{}: consumer stopped", name, e);
    } finally {
      try {
        consumer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.debug("{}: close failed", name, e);
      }
      stopped.countDown();
    }
  }

  private void pause() {
    try {
      if (stopped.await(1, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      if (!stopped.await(15, TimeUnit.SECONDS)) {
        LOG.warn("{}: did not stop in time", name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
