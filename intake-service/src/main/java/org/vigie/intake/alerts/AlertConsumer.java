package org.vigie.intake.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.topics.Topics;

/**
 * Feeds the alerts read model from {@code vigie.case-alerts.v1} (read_committed): each batch is
 * upserted in one transaction, then its offsets are committed (at least once; the upsert is
 * idempotent). A record that cannot be decoded is skipped with a warning (rules-service owns it).
 */
public final class AlertConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertConsumer.class);

  private final Consumer<String, byte[]> consumer;
  private final Jdbi jdbi;
  private final AlertRepository alerts;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  public AlertConsumer(Properties consumerProperties, Jdbi jdbi, AlertRepository alerts) {
    this.consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
    this.jdbi = jdbi;
    this.alerts = alerts;
    this.thread = new Thread(this::run, "intake-alerts-consumer");
  }

  public AlertConsumer start() {
    consumer.subscribe(List.of(Topics.CASE_ALERTS.name()));
    thread.start();
    return this;
  }

  private void run() {
    var serde = Topics.CASE_ALERTS.valueSerde();
    while (running.get()) {
      try {
        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
        if (batch.isEmpty()) {
          continue;
        }
        jdbi.useTransaction(h -> {
          for (ConsumerRecord<String, byte[]> r : batch) {
            CaseAlert alert;
            try {
              alert = serde.deserializer().deserialize(r.topic(), r.value());
            } catch (RuntimeException e) {
              LOG.warn("Skipping undecodable alert at {}-{}@{}", r.topic(), r.partition(), r.offset());
              continue;
            }
            if (alert != null) {
              alerts.upsert(h, alert);
            }
          }
        });
        consumer.commitSync();
      } catch (WakeupException e) {
        if (running.get()) {
          throw e;
        }
      } catch (RuntimeException e) {
        LOG.warn("Alert batch failed ({}); retrying from the last committed offsets", e.getClass().getSimpleName());
        rewind();
      }
    }
    consumer.close(Duration.ofSeconds(2));
  }

  private void rewind() {
    try {
      var committed = consumer.committed(consumer.assignment());
      consumer.assignment().forEach(tp -> {
        var offset = committed.get(tp);
        if (offset != null) {
          consumer.seek(tp, offset);
        } else {
          consumer.seekToBeginning(List.of(tp));
        }
      });
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("Cannot rewind the alerts consumer: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
