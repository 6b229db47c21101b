package org.vigie.platform.kafka;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>Anything else that escapes (an exception thrown by the consumer itself, an Error thrown by the
 * handler) closes the consumer and starts a new one after a delay, 1 s then doubling up to a minute
 * while failures follow each other: the new consumer resumes from the last committed offsets, so
 * the batch that failed is handled again. {@link #alive()} is false until it runs again.
 */
public final class ConsumerLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
  private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);

  private final String name;
  private final Properties consumerProperties;
  private final String topic;
  private final BatchHandler handler;
  private final RestartDelay restartDelay;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong restarts = new AtomicLong();
  private final Thread thread;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean assigned;
  private volatile boolean failed;
  // read and written by the loop's thread only: whether the current consumer committed a batch, and
  // how many consumers failed in a row before it
  private boolean progressed;
  private int failuresInARow;

  public ConsumerLoop(String name, Properties consumerProperties, String topic, BatchHandler handler) {
    this(name, consumerProperties, topic, handler, FIRST_RESTART_DELAY);
  }

  ConsumerLoop(String name, Properties consumerProperties, String topic, BatchHandler handler,
      Duration firstRestartDelay) {
    Properties p = new Properties();
    p.putAll(consumerProperties);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    this.name = name;
    this.consumerProperties = p;
    this.topic = topic;
    this.handler = handler;
    this.restartDelay = RestartDelay.from(firstRestartDelay);
    // the first consumer is created here, so that a bad configuration fails the service's start
    this.consumer = newConsumer();
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  public ConsumerLoop start() {
    started.set(true);
    thread.start();
    return this;
  }

  /** The name of this loop (its thread's name). */
  public String name() {
    return name;
  }

  /** True once the consumer has partitions assigned. */
  public boolean assigned() {
    return assigned;
  }

  /** True while the consumer thread runs with a working consumer (for readiness). */
  public boolean alive() {
    return thread.isAlive() && !failed;
  }

  /** How many times a failed consumer was replaced. */
  public long restarts() {
    return restarts.get();
  }

  /** Publishes {@link #restarts()} as {@code vigie_consumer_restarts_total{consumer="<name>"}}. */
  public ConsumerLoop bindTo(MeterRegistry registry) {
    FunctionCounter.builder("vigie.consumer.restarts", this, ConsumerLoop::restarts)
        .description("Consumers replaced after a failure")
        .tag("consumer", name)
        .register(registry);
    return this;
  }

  private void run() {
    KafkaConsumer<String, byte[]> current = consumer;
    try {
      while (running.get()) {
        if (current != null) {
          try {
            consume(current);
          } catch (WakeupException e) {
            if (!running.get()) {
              return;
            }
            LOG.error("{}: unexpected wakeup; a new consumer in {} ms", name, nextDelay().toMillis(), e);
          } catch (Throwable e) {
            if (!running.get()) {
              return;
            }
            LOG.error("{}: consumer failed; a new consumer in {} ms", name, nextDelay().toMillis(), e);
          } finally {
            assigned = false;
            closeQuietly(current);
          }
        }
        failed = true;
        Duration delay = nextDelay();
        failuresInARow = progressed ? 1 : failuresInARow + 1;
        progressed = false;
        if (await(delay)) {
          return;
        }
        restarts.incrementAndGet();
        current = replacement(nextDelay());
      }
    } finally {
      stopped.countDown();
    }
  }

  /** The wait before the next consumer; a consumer that committed batches restarts the doubling. */
  private Duration nextDelay() {
    return restartDelay.after(progressed ? 0 : failuresInARow);
  }

  /** A new consumer, or null when it cannot be created (tried again after the next delay). */
  private KafkaConsumer<String, byte[]> replacement(Duration nextDelay) {
    try {
      KafkaConsumer<String, byte[]> created = newConsumer();
      consumer = created;
      if (!running.get()) {
        // closed meanwhile: its wakeup may have gone to the previous consumer
        closeQuietly(created);
        return null;
      }
      return created;
    } catch (RuntimeException e) {
      LOG.error("{}: cannot create a consumer; trying again in {} ms", name, nextDelay.toMillis(), e);
      return null;
    }
  }

  private KafkaConsumer<String, byte[]> newConsumer() {
    return new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** Polls and hands batches over until the loop is closed (returns) or something fails (throws). */
  private void consume(KafkaConsumer<String, byte[]> current) throws Exception {
    current.subscribe(List.of(topic));
    while (running.get()) {
      ConsumerRecords<String, byte[]> records = current.poll(Duration.ofMillis(200));
      assigned = !current.assignment().isEmpty();
      failed = false;
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
        current.commitSync();
        progressed = true;
      } catch (WakeupException e) {
        throw e;
      } catch (Exception e) {
        LOG.warn("{}: batch of {} records not recorded ({}); retrying", name, batch.size(), e.toString());
        Set<TopicPartition> owned = current.assignment();
        starts.forEach((tp, offset) -> {
          if (owned.contains(tp)) {
            current.seek(tp, offset);
          }
        });
        if (await(Duration.ofSeconds(1))) {
          return;
        }
      }
    }
  }

  /** Waits for the delay; true when the loop was closed meanwhile. */
  private boolean await(Duration delay) {
    try {
      return closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private void closeQuietly(KafkaConsumer<String, byte[]> current) {
    try {
      current.close(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      LOG.debug("{}: close failed", name, e);
    }
  }

  @Override
  public void close() {
    running.set(false);
    closing.countDown();
    if (!started.get()) {
      closeQuietly(consumer);
      return;
    }
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      try {
        current.wakeup();
      } catch (RuntimeException e) {
        LOG.debug("{}: wakeup failed", name, e);
      }
    }
    try {
      if (!stopped.await(15, TimeUnit.SECONDS)) {
        LOG.warn("{}: did not stop in time", name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
