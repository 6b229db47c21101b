package org.vigie.notifier.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.notifier.support.Worker;

/** Publishes outbox entries to Kafka (idempotent producer, acks=all) and deletes them once acknowledged. */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  public static final String ERROR_KIND_HEADER = "vigie.error.kind";
  public static final String ERROR_HEADER = "vigie.error";

  private final Jdbi jdbi;
  private final Outbox outbox;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Worker worker;

  public OutboxRelay(Jdbi jdbi, Outbox outbox, Properties producerProperties) {
    this.jdbi = jdbi;
    this.outbox = outbox;
    this.producer = new KafkaProducer<>(producerProperties, new ByteArraySerializer(), new ByteArraySerializer());
    this.worker = new Worker("notifier-outbox", 500, this::publishBatch);
  }

  public OutboxRelay start() {
    worker.start();
    return this;
  }

  public void wake() {
    worker.wake();
  }

  /** Publishes one batch; true when there may be more. */
  boolean publishBatch() throws Exception {
    return jdbi.inTransaction(h -> {
      List<Outbox.Entry> batch = outbox.lockBatch(h, 500);
      if (batch.isEmpty()) {
        return false;
      }
      List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
      for (Outbox.Entry e : batch) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(e.topic(), e.key(), e.payload());
        if (e.errorKind() != null) {
          record.headers().add(ERROR_KIND_HEADER, e.errorKind().getBytes(StandardCharsets.UTF_8));
        }
        if (e.error() != null) {
          record.headers().add(ERROR_HEADER, e.error().getBytes(StandardCharsets.UTF_8));
        }
        sends.add(producer.send(record));
      }
      producer.flush();
      for (Future<RecordMetadata> f : sends) {
        f.get();
      }
      outbox.delete(h, batch.stream().map(Outbox.Entry::id).toList());
      LOG.debug("published {} outbox records", batch.size());
      return batch.size() == 500;
    });
  }

  @Override
  public void close() {
    worker.close();
    producer.close();
  }
}
