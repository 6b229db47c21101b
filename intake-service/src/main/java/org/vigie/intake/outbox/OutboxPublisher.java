package org.vigie.intake.outbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    try {
      sendAsync(records).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof PublishException p ? p : new PublishException(e.getCause());
    }
  }

  /**
   * Sends without waiting; the future completes once Kafka acknowledged every record (then they
   * are marked published), or fails with a {@link PublishException} (an error, or no ack in time).
   */
  public CompletableFuture<Void> publishAsync(List<OutboxRecord> records) {
    List<Long> seqs = records.stream().map(OutboxRecord::seq).toList();
    return sendAsync(records).thenRun(() -> marker.marked(seqs));
  }

  /** Sends without waiting; completes when every record is acknowledged; no database work. */
  public CompletableFuture<Void> sendAsync(List<OutboxRecord> records) {
    CompletableFuture<Void> all = new CompletableFuture<>();
    if (records.isEmpty()) {
      all.complete(null);
      return all;
    }
    AtomicInteger left = new AtomicInteger(records.size());
    try {
      for (OutboxRecord r : records) {
        producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()), (metadata, error) -> {
          if (error != null) {
            all.completeExceptionally(new PublishException(error));
          } else if (left.decrementAndGet() == 0) {
            all.complete(null);
          }
        });
      }
    } catch (RuntimeException e) {
      all.completeExceptionally(new PublishException(e));
    }
    return all.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(
            e instanceof PublishException ? e : new PublishException(e)));
  }

  /** Kafka did not acknowledge in time; the records stay pending in the outbox. */
  public static final class PublishException extends Exception {
    public PublishException(Throwable cause) {
      super("Kafka did not acknowledge: " + cause.getClass().getSimpleName(), cause);
    }
  }
}
