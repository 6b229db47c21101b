package org.vigie.intake.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends committed outbox records and waits for Kafka's acknowledgement; see {@link Outbox}. */
public final class OutboxPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);

  private final Producer<String, byte[]> producer;
  private final Outbox outbox;
  private final Jdbi jdbi;
  private final long timeoutMillis;

  public OutboxPublisher(Producer<String, byte[]> producer, Outbox outbox, Jdbi jdbi, long timeoutMillis) {
    this.producer = producer;
    this.outbox = outbox;
    this.jdbi = jdbi;
    this.timeoutMillis = timeoutMillis;
  }

  /** Sends and waits for every ack, then marks the records published. */
  public void publish(List<OutboxRecord> records) throws PublishException {
    if (records.isEmpty()) {
      return;
    }
    send(records);
    List<Long> seqs = records.stream().map(OutboxRecord::seq).toList();
    try {
      // Losing this mark in a crash only means a resend with the same event ids: no need to wait
      // for the WAL flush.
      jdbi.useTransaction(h -> {
        h.execute("SET LOCAL synchronous_commit = off");
        outbox.markPublished(h, seqs);
      });
    } catch (RuntimeException e) {
      // Kafka has them; the relay may send them again with the same event ids.
      LOG.warn("Published records could not be marked as such ({}); the relay will resend them", e.getClass().getSimpleName());
    }
  }

  /** Publishes whatever of these outbox rows is still pending (for an idempotent repeat). */
  public void ensurePublished(List<Long> seqs) throws PublishException {
    if (!seqs.isEmpty()) {
      publish(jdbi.withHandle(h -> outbox.pending(h, seqs)));
    }
  }

  /** Sends and waits for every ack; no database work. */
  public void send(List<OutboxRecord> records) throws PublishException {
    List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
    try {
      for (OutboxRecord r : records) {
        acks.add(producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value())));
      }
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      for (Future<RecordMetadata> ack : acks) {
        ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException(e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new PublishException(e);
    }
  }

  /** Kafka did not acknowledge in time; the records stay pending in the outbox. */
  public static final class PublishException extends Exception {
    public PublishException(Throwable cause) {
      super("Kafka did not acknowledge: " + cause.getClass().getSimpleName(), cause);
    }
  }
}
