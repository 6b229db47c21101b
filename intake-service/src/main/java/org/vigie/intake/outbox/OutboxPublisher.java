package org.vigie.intake.outbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.command.GroupCommit;

/**
 * Sends committed outbox records and waits for Kafka's acknowledgement; see {@link Outbox}. Records a
 * group-commit writer is about to send are known as in flight, so that a repeated request waits for
 * that send instead of sending the record a second time.
 */
public final class OutboxPublisher implements GroupCommit.Publication {
  private final Producer<String, byte[]> producer;
  private final Outbox outbox;
  private final Jdbi jdbi;
  private final long timeoutMillis;
  private final PublishedMarker marker;
  private final ConcurrentHashMap<Long, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

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
    marker.marked(seqs(records));
  }

  @Override
  public void expect(List<OutboxRecord> records) {
    seqs(records).forEach(seq -> inFlight.putIfAbsent(seq, new CompletableFuture<>()));
  }

  @Override
  public void forget(List<OutboxRecord> records) {
    seqs(records).forEach(seq -> settle(seq, new PublishException(new IllegalStateException("not committed"))));
  }

  private void settle(long seq, Throwable error) {
    CompletableFuture<Void> f = inFlight.remove(seq);
    if (f != null) {
      if (error == null) {
        f.complete(null);
      } else {
        f.completeExceptionally(error);
      }
    }
  }

  /** Publishes whatever of these outbox rows is still pending (for an idempotent repeat). */
  public void ensurePublished(List<Long> seqs) throws PublishException {
    List<CompletableFuture<Void>> sending = seqs.stream().distinct().map(inFlight::get).filter(java.util.Objects::nonNull).toList();
    if (!sending.isEmpty()) {
      // Their writer is sending them: wait for that send rather than sending them again.
      try {
        CompletableFuture.allOf(sending.toArray(new CompletableFuture[0])).get(timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PublishException(e);
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new PublishException(e);
      }
    }
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
  @Override
  public CompletableFuture<Void> publishAsync(List<OutboxRecord> records) {
    List<Long> seqs = seqs(records);
    CompletableFuture<Void> sent = sendAsync(records).thenRun(() -> marker.marked(seqs));
    sent.whenComplete((ok, error) -> seqs.forEach(seq -> settle(seq, error)));
    return sent;
  }

  /** The outbox rows of these records (records of one row are published together). */
  private static List<Long> seqs(List<OutboxRecord> records) {
    return records.stream().map(OutboxRecord::seq).distinct().toList();
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
