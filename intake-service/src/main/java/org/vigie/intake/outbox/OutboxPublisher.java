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

/** Sends committed outbox records and waits for Kafka's acknowledgement; see {@link Outbox}. */
public final class OutboxPublisher {
  private final Producer<String, byte[]> producer;
  private final Outbox outbox;
  private final Jdbi jdbi;
  private final long timeoutMillis;
  private final PublishedMarker marker;

  public OutboxPublisher(Producer<String, byte[]> producer, Outbox outbox, Jdbi jdbi, PublishedMarker marker, long timeoutMillis) {
    this.producer = producer;
    this.marker = marker;
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
    marker.marked(records.stream().map(OutboxRecord::seq).toList());
  }

  /** Publishes whatever of these outbox rows is still pending (for an idempotent repeat). */
  public void ensurePublished(List<Long> seqs) throws PublishException {
    if (!seqs.isEmpty()) {
      // Acknowledged before the query, or since: either way already in Kafka (the mark may be in flight).
      java.util.Set<Long> before = seqs.stream().filter(marker::acknowledged).collect(java.util.stream.Collectors.toSet());
      publish(jdbi.withHandle(h -> outbox.pending(h, seqs)).stream()
          .filter(r -> !before.contains(r.seq()) && !marker.acknowledged(r.seq())).toList());
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
