package org.vigie.intake.outbox;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox records whose request could not (a Kafka outage, a crash between commit and
 * send). Rows are locked with SKIP LOCKED so several intake instances share the work.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final Jdbi jdbi;
  private final Outbox outbox;
  private final OutboxPublisher publisher;
  private final int olderThanSeconds;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "intake-outbox-relay"));

  public OutboxRelay(Jdbi jdbi, Outbox outbox, OutboxPublisher publisher, int olderThanSeconds) {
    this.jdbi = jdbi;
    this.outbox = outbox;
    this.publisher = publisher;
    this.olderThanSeconds = olderThanSeconds;
  }

  public OutboxRelay start(long periodMillis) {
    scheduler.scheduleWithFixedDelay(this::runSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    return this;
  }

  private void runSafely() {
    try {
      relayOnce();
    } catch (RuntimeException e) {
      LOG.warn("Outbox relay pass failed: {}", e.getClass().getSimpleName());
    } catch (Error e) {
      // A task that throws is never run again by its scheduler: the pending records would wait for good.
      LOG.error("Outbox relay pass failed", e);
    }
  }

  /** One pass; returns how many records were published. */
  public int relayOnce() {
    return jdbi.inTransaction(h -> {
      // Rows, not records: a row holds the records of a group-commit batch or of an import chunk.
      List<OutboxRecord> stale = outbox.lockStale(h, olderThanSeconds, 20);
      if (stale.isEmpty()) {
        return 0;
      }
      try {
        publisher.send(stale);
      } catch (OutboxPublisher.PublishException e) {
        LOG.warn("Outbox relay: {} records still pending ({})", stale.size(), e.getMessage());
        return 0;
      }
      outbox.markPublished(h, stale.stream().map(OutboxRecord::seq).distinct().toList());
      LOG.info("Outbox relay published {} pending records", stale.size());
      return stale.size();
    });
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
