package org.vigie.intake.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.intake.command.QueueBatches;

/**
 * Marks acknowledged outbox records as published, in batches, off the request path. A mark lost
 * in a crash only means the relay resends those records, with the same event ids (consumers
 * deduplicate on them), so the update does not wait for the WAL flush either.
 */
public final class PublishedMarker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PublishedMarker.class);

  /** How long marks are gathered before they are written, and at most how many at once. */
  private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  private static final int MAX_MARKS = 10_000;

  private final Jdbi jdbi;
  private final Outbox outbox;
  private final LinkedBlockingQueue<Long> queue = new LinkedBlockingQueue<>();
  /** Acknowledged by Kafka, mark not yet written: not pending, even if the table still says so. */
  private final java.util.Set<Long> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean running = true;

  public PublishedMarker(Jdbi jdbi, Outbox outbox) {
    this.jdbi = jdbi;
    this.outbox = outbox;
    this.thread = new Thread(this::run, "intake-outbox-marker");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  public void marked(List<Long> seqs) {
    acknowledged.addAll(seqs);
    queue.addAll(seqs);
  }

  public boolean acknowledged(long seq) {
    return acknowledged.contains(seq);
  }

  private void run() {
    while (running || !queue.isEmpty()) {
      try {
        Long first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<Long> batch = new ArrayList<>();
        batch.add(first);
        // Marks gathered for a while: one transaction per pass instead of one per acknowledged batch.
        QueueBatches.gather(queue, batch, MAX_MARKS, GATHER_NANOS, () -> running);
        flush(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void flush(List<Long> seqs) {
    try {
      jdbi.useTransaction(h -> {
        // The table is mostly dead rows between vacuums, and its statistics say it is empty: without
        // enable_seqscan off the generic plan scans it whole for every batch of marks.
        h.execute("SET LOCAL synchronous_commit = off; SET LOCAL enable_seqscan = off");
        outbox.markPublished(h, seqs);
      });
    } catch (RuntimeException | Error e) {
      LOG.warn("{} published records could not be marked ({}); the relay will resend them", seqs.size(), e.getClass().getSimpleName());
    } finally {
      seqs.forEach(acknowledged::remove);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
